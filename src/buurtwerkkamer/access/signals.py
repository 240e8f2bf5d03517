"""A grant changed: the cached roles of that user no longer hold."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Grant
from .policy import forget_roles


@receiver([post_save, post_delete], sender=Grant)
def grant_changed(sender: type, instance: Grant, **kwargs: Any) -> None:
    forget_roles(instance.user)
