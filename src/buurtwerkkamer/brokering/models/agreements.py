"""Agreements of every kind and their parties."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from ..constants import BINDING, AgreementKind, AgreementStatus

MIN_YEAR, MAX_YEAR = 2000, 2100


def check_period(start: object, end: object, end_field: str = "ends_on") -> None:
    if start and end and end < start:  # type: ignore[operator]
        raise ValidationError(
            {end_field: _("The end date lies before the start date.")}
        )


def check_annual(year: int | None, starts_on: object, ends_on: object) -> None:
    """An annual agreement runs from 1 January to 31 December of its year."""
    if year is None:
        raise ValidationError({"year": _("An annual agreement needs its year.")})
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError({"year": _("Enter a year between 2000 and 2100.")})
    if starts_on != date(year, 1, 1) or ends_on != date(year, 12, 31):
        raise ValidationError(
            {"year": _("An annual agreement runs from 1 January to 31 December.")}
        )


class Agreement(BusinessRecord):
    """An agreement between a room's residents and its partners."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=AgreementKind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.DRAFT,
    )
    signed_document = models.ForeignKey(
        Document,
        verbose_name=_("signed document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)
    # An annual agreement covers one calendar year; the year is kept apart from
    # the dates so that the database can hold a room to one agreement a year.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    shared_goals = models.TextField(
        _("shared goals"),
        blank=True,
        help_text=_("What the parties want to achieve together, in their words."),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="agreement_period_in_order",
                violation_error_message=_("The end date lies before the start date."),
            ),
            models.UniqueConstraint(
                fields=["room", "year"],
                condition=Q(kind=AgreementKind.ANNUAL),
                name="one_annual_agreement_per_room_and_year",
                violation_error_message=_(
                    "This room already has an annual agreement for that year."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind=AgreementKind.ANNUAL) | Q(year__isnull=False),
                name="annual_agreement_has_a_year",
                violation_error_message=_("An annual agreement needs its year."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        check_period(self.starts_on, self.ends_on)
        if self.kind == AgreementKind.ANNUAL:
            check_annual(self.year, self.starts_on, self.ends_on)
        elif self.year is not None:
            raise ValidationError(
                {"year": _("Only an annual agreement has a year of its own.")}
            )
        if self.kind == AgreementKind.PARTNERSHIP and not (
            self.starts_on and self.ends_on
        ):
            raise ValidationError(
                {"ends_on": _("A partnership runs for a period: enter both dates.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("brokering:agreement", kwargs={"agreement": self.uuid})

    @property
    def signed_by_all(self) -> bool:
        return self.status == AgreementStatus.SIGNED

    @property
    def is_binding(self) -> bool:
        """Signed by all, or signed and since amended: the parties are bound."""
        return self.status in BINDING

    @property
    def is_annual(self) -> bool:
        return self.kind == AgreementKind.ANNUAL

    @property
    def is_partnership(self) -> bool:
        return self.kind == AgreementKind.PARTNERSHIP

    @property
    def years(self) -> list[int]:
        """The calendar years the agreement covers, for investments per year."""
        if not (self.starts_on and self.ends_on):
            return []
        return list(range(self.starts_on.year, self.ends_on.year + 1))


class AgreementParty(BusinessRecord):
    """A party to an agreement and its signature. The residents' own group signs as a
    residents' association organisation."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="parties",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_by = models.CharField(_("signed by"), max_length=150, blank=True)
    # What the party puts in: money, things in kind, or both. Budget lines of
    # the room draw on it as a funding source.
    commitment_amount = money_field(
        _("committed amount"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    commitment_in_kind = models.CharField(
        _("committed in kind"),
        max_length=200,
        blank=True,
        help_text=_("For instance a space, staff hours or materials."),
    )

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="party_once_per_agreement"
            ),
            models.CheckConstraint(
                condition=Q(commitment_amount__isnull=True)
                | Q(commitment_amount__gte=0),
                name="party_commitment_not_negative",
                violation_error_message=_("A committed amount is not negative."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def room_id(self) -> int:
        return self.agreement.room_id

    @property
    def has_commitment(self) -> bool:
        return self.commitment_amount is not None or bool(self.commitment_in_kind)
