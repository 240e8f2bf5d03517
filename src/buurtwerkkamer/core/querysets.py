from typing import Any, Self

from django.db import models

from .registry import scope_for


class ScopedQuerySet(models.QuerySet):
    """A queryset that knows what a user may see, by the scope the access app
    registered for its model."""

    def visible_to(self, user: Any) -> Self:
        return self.filter(scope_for(self.model, user))
