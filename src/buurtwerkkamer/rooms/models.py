from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import AddressFields, BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.core.validators import validate_iban, validate_postcode
from buurtwerkkamer.partners.models import Organisation

from .constants import START_UP_ORDER, Stage


class Room(BusinessRecord, AddressFields):
    """A BuurtWerkKamer: a community space run by its own residents."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    neighbourhood = models.CharField(_("neighbourhood"), max_length=120)
    municipality = models.CharField(_("municipality"), max_length=80)
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.EXPLORING
    )
    stage_since = models.DateField(_("in this stage since"), null=True, blank=True)
    bank_iban = models.CharField(
        _("IBAN of the business account"),
        max_length=34,
        blank=True,
        validators=[validate_iban],
    )
    bank_holder = models.CharField(
        _("account holder"),
        max_length=70,
        blank=True,
        help_text=_("Exactly as the bank knows it: banks compare it with the IBAN."),
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partners"),
        related_name="rooms",
        blank=True,
        help_text=_("Organisations that are party to an agreement of this room."),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        validate_postcode(self.postcode)

    def get_absolute_url(self) -> str:
        return reverse("rooms:detail", kwargs={"room": self.slug})

    @property
    def in_start_up(self) -> bool:
        return self.stage in START_UP_ORDER and self.stage != Stage.OPERATIONAL

    @property
    def next_stage(self) -> Stage | None:
        if self.stage not in START_UP_ORDER or self.stage == Stage.OPERATIONAL:
            return None
        return START_UP_ORDER[START_UP_ORDER.index(Stage(self.stage)) + 1]
