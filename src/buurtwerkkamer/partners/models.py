from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import AddressFields, BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.core.validators import (
    validate_iban,
    validate_kvk_number,
    validate_postcode,
)

from .constants import OrganisationKind


class Organisation(BusinessRecord, AddressFields):
    """A partner of the cooperative: a funder, a landlord, a referrer of candidates."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, blank=True, validators=[validate_kvk_number]
    )
    iban = models.CharField(
        _("IBAN"), max_length=34, blank=True, validators=[validate_iban]
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        validate_postcode(self.postcode)

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", kwargs={"organisation": self.slug})


class ContactPerson(BusinessRecord):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
