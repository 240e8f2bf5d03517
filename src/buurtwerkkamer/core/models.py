"""Model mixins every business record shares."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class BusinessRecord(models.Model):
    """A record users point at by URL: a UUID instead of a guessable sequential id,
    and when it was created and last changed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AddressFields(models.Model):
    """A Dutch postal address; the postcode is validated where it is entered."""

    street = models.CharField(_("street"), max_length=120, blank=True)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)

    class Meta:
        abstract = True

    @property
    def address(self) -> str:
        line = f"{self.street} {self.house_number}".strip()
        place = f"{self.postcode} {self.city}".strip()
        return ", ".join(part for part in (line, place) if part)
