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

from .constants import GRANTED, AgreementKind, AgreementStatus, FundingStatus


def check_period(start: object, end: object, end_field: str = "ends_on") -> None:
    if start and end and end < start:  # type: ignore[operator]
        raise ValidationError(
            {end_field: _("The end date lies before the start date.")}
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
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        check_period(self.starts_on, self.ends_on)

    def get_absolute_url(self) -> str:
        return reverse("brokering:agreement", kwargs={"agreement": self.uuid})

    @property
    def signed_by_all(self) -> bool:
        return self.status == AgreementStatus.SIGNED


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


class FundingApplication(BusinessRecord):
    """A formal request for money to a funder."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="funding_applications",
    )
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="funding_applications",
    )
    title = models.CharField(_("title"), max_length=200)
    amount_requested = models.DecimalField(
        _("amount requested"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=FundingStatus.choices,
        default=FundingStatus.DRAFT,
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    decision_expected_on = models.DateField(
        _("decision expected on"), null=True, blank=True
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    amount_granted = models.DecimalField(
        _("amount granted"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("decision letter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        ordering = ["-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="funding_period_in_order",
                violation_error_message=_("The end date lies before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(amount_requested__gt=0),
                name="funding_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        check_period(self.period_start, self.period_end, "period_end")
        if (
            self.submitted_on
            and self.decided_on
            and self.decided_on < self.submitted_on
        ):
            raise ValidationError(
                {"decided_on": _("A decision cannot precede the submission.")}
            )
        if self.status in GRANTED and not self.amount_granted:
            raise ValidationError({"amount_granted": _("Enter the amount granted.")})
        if (
            self.amount_granted is not None
            and self.amount_granted > self.amount_requested
        ):
            raise ValidationError(
                {
                    "amount_granted": _(
                        "More was granted than requested: check the amount."
                    )
                }
            )

    def get_absolute_url(self) -> str:
        return reverse("brokering:funding", kwargs={"application": self.uuid})

    @property
    def is_granted(self) -> bool:
        return self.status in GRANTED
