"""Fixed costs the cooperative pays centrally for a room, the templates that
generate the recurring ones, and each room's budget per year with its funding
sources. A booked fixed cost is never changed or deleted: a correction is a new
entry pointing to the one it replaces."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.brokering.models import AgreementParty, FundingApplication
from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.employer.models import Contract
from buurtwerkkamer.rooms.models import Room

from ..constants import BUDGET_CATEGORIES, FixedCostCategory


def _first_day(month: object) -> None:
    if month is not None and getattr(month, "day", 1) != 1:
        raise ValidationError(_("A month starts on its first day."))


class FixedCostTemplate(BusinessRecord):
    """A recurring fixed cost (rent, utilities) that is booked month by month."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="fixed_cost_templates",
    )
    category = models.CharField(
        _("category"), max_length=20, choices=FixedCostCategory.choices
    )
    supplier = models.CharField(_("supplier"), max_length=120)
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = money_field(_("amount per month"))
    from_month = models.DateField(
        _("from month"), help_text=_("The first day of the month.")
    )
    until_month = models.DateField(
        _("until month"),
        null=True,
        blank=True,
        help_text=_("The last month it is booked; empty while it runs."),
    )
    contract_reference = models.CharField(
        _("contract reference"), max_length=100, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("fixed-cost template")
        verbose_name_plural = _("fixed-cost templates")
        ordering = ["room__name", "category", "supplier"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="fixed_cost_template_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
            models.CheckConstraint(
                condition=Q(until_month__isnull=True)
                | Q(until_month__gte=F("from_month")),
                name="fixed_cost_template_period",
                violation_error_message=_("A template cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.get_category_display()}: {self.supplier}"

    def clean(self) -> None:
        _first_day(self.from_month)
        _first_day(self.until_month)


class FixedCost(BusinessRecord):
    """A fixed cost of one room in one month, as invoiced by its supplier."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="fixed_costs",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    category = models.CharField(
        _("category"), max_length=20, choices=FixedCostCategory.choices
    )
    supplier = models.CharField(_("supplier"), max_length=120)
    invoice_reference = models.CharField(
        _("invoice reference"), max_length=60, blank=True
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = money_field(_("amount"))
    document = models.ForeignKey(
        Document,
        verbose_name=_("invoice"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The contract a salary or fee pays: `contract` where the employer app holds
    # it; the text stays for references to contracts made outside the platform.
    contract_reference = models.CharField(
        _("contract reference"), max_length=100, blank=True
    )
    contract = models.ForeignKey(
        Contract,
        verbose_name=_("contract"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fixed_costs",
    )
    template = models.ForeignKey(
        FixedCostTemplate,
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fixed_costs",
    )
    correction_of = models.ForeignKey(
        "self",
        verbose_name=_("correction of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )
    reason = models.TextField(_("reason for the correction"), blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("fixed cost")
        verbose_name_plural = _("fixed costs")
        ordering = ["-month", "category", "supplier", "created_at"]
        # The first page of a list of every room's costs reads the newest few
        # instead of sorting all of them.
        indexes = [
            models.Index(fields=["-month", "category", "supplier", "created_at"])
        ]
        constraints = [
            # A correction may bring a booking back to zero; a first booking may not.
            models.CheckConstraint(
                condition=Q(amount__gt=0)
                | Q(correction_of__isnull=False, amount__gte=0),
                name="fixed_cost_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
            # The same invoice is booked once; its corrections repeat the reference.
            models.UniqueConstraint(
                fields=["supplier", "invoice_reference"],
                condition=Q(correction_of__isnull=True) & ~Q(invoice_reference=""),
                name="fixed_cost_invoice_once",
                violation_error_message=_("This invoice was booked before."),
            ),
            # Generating from templates twice for a month adds nothing.
            models.UniqueConstraint(
                fields=["template", "month"],
                condition=Q(correction_of__isnull=True),
                name="fixed_cost_template_month_once",
            ),
            # One correction per entry: a later one corrects the correction.
            models.UniqueConstraint(
                fields=["correction_of"],
                condition=Q(correction_of__isnull=False),
                name="fixed_cost_corrected_once",
                violation_error_message=_("This entry was corrected already."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.month:%m-%Y} {self.supplier}: {self.amount}"

    def clean(self) -> None:
        _first_day(self.month)


class Budget(BusinessRecord):
    """A room's budget for one year; its lines say what each category may cost
    and which funder pays it."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField(_("year"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["room__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "year"],
                name="budget_room_year_once",
                violation_error_message=_("This room has a budget for that year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.year}"


class BudgetLine(BusinessRecord):
    """What one category may cost in the budget's year, from one funding source:
    a granted funding application, a party's commitment in an agreement, or
    neither (the cooperative's own means)."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.PROTECT, related_name="lines"
    )
    category = models.CharField(_("category"), max_length=20, choices=BUDGET_CATEGORIES)
    amount = money_field(_("amount"), validators=[MinValueValidator(Decimal("0.00"))])
    funding_source = models.ForeignKey(
        FundingApplication,
        verbose_name=_("funding source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
    )
    commitment = models.ForeignKey(
        AgreementParty,
        verbose_name=_("commitment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["category", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budget_line_amount_not_negative",
                violation_error_message=_("A budgeted amount is not negative."),
            ),
            models.CheckConstraint(
                condition=Q(funding_source__isnull=True) | Q(commitment__isnull=True),
                name="budget_line_one_source",
                violation_error_message=_(
                    "A budget line has one funding source at most."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budget} {self.get_category_display()}: {self.amount}"
