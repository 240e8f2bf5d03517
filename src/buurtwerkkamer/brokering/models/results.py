"""What the parties of an agreement put in and what they promise to achieve:
investments per year in a partnership, result obligations with their entered
values, and the amendments of a signed agreement."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.documents.models import Document

from .agreements import Agreement, AgreementParty, check_period


class PartnershipInvestment(BusinessRecord):
    """What one party of a partnership intends to invest in one year."""

    party = models.ForeignKey(
        AgreementParty,
        verbose_name=_("party"),
        on_delete=models.CASCADE,
        related_name="investments",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = money_field(
        _("amount"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    in_kind = models.CharField(
        _("in kind"),
        max_length=200,
        blank=True,
        help_text=_("For instance a space, staff hours or materials."),
    )

    class Meta:
        verbose_name = _("investment")
        verbose_name_plural = _("investments")
        ordering = ["year", "party__organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "year"],
                name="one_investment_per_party_and_year",
                violation_error_message=_(
                    "This party already has an investment for that year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="investment_not_negative",
                violation_error_message=_("An amount is not negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} {self.year}"


class Amendment(BusinessRecord):
    """A change to an agreement after all parties had signed it: what changed,
    when, and the signed paper it replaced."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="amendments",
    )
    amended_on = models.DateField(_("amended on"))
    changes = models.TextField(_("what changed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    previous_document = models.ForeignKey(
        Document,
        verbose_name=_("previous signed document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["-amended_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.agreement} ({self.amended_on})"


class ResultObligation(BusinessRecord):
    """A result the room promises in an agreement: an indicator with a target
    over a period. A computed indicator names a code of the indicator registry;
    any other is entered by hand, with evidence."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    indicator = models.CharField(
        _("indicator"),
        max_length=100,
        help_text=_("A computed indicator, or a name for one entered by hand."),
    )
    computed = models.BooleanField(_("computed from recorded data"), default=False)
    description = models.CharField(_("description"), max_length=300, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=60)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))

    class Meta:
        verbose_name = _("result obligation")
        verbose_name_plural = _("result obligations")
        ordering = ["period_start", "indicator"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gt=0),
                name="obligation_target_positive",
                violation_error_message=_("The target must be more than zero."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="obligation_period_in_order",
                violation_error_message=_("The end date lies before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.description or self.indicator

    def clean(self) -> None:
        check_period(self.period_start, self.period_end, "period_end")

    @property
    def room_id(self) -> int:
        return self.agreement.room_id


class ObligationValue(BusinessRecord):
    """A value entered for an obligation that is not computed, as of a date,
    with the evidence behind it: a document, a note, or both."""

    obligation = models.ForeignKey(
        ResultObligation,
        verbose_name=_("result obligation"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    value = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    as_of = models.DateField(_("as of"))
    evidence = models.ForeignKey(
        Document,
        verbose_name=_("evidence"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("entered value")
        verbose_name_plural = _("entered values")
        ordering = ["-as_of", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="obligation_value_not_negative",
                violation_error_message=_("A value is not negative."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.obligation}: {self.value} ({self.as_of})"
