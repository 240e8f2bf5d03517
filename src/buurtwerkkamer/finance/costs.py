"""Fixed costs and budgets: booking a fixed cost, correcting it, generating the
recurring ones from their templates, and a room's budget against its actuals.

A fixed cost counts until it is corrected: the correction holds the right amount
and the original stays, so the books show what was booked and what replaced it."""

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from buurtwerkkamer.brokering.constants import FundingStatus
from buurtwerkkamer.brokering.models import FundingApplication
from buurtwerkkamer.core.money import to_money
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.rooms.models import Room

from .closing import ensure_not_frozen, ensure_open, first_open_month
from .constants import BUDGET_CATEGORIES, PETTY_CASH, FixedCostCategory
from .models import Budget, BudgetLine, Expense, FixedCost, FixedCostTemplate

logger = logging.getLogger(__name__)
ZERO = Decimal("0.00")


def _check_month(month: date) -> None:
    if month.day != 1:
        raise ValidationError({"month": _("A month starts on its first day.")})


def _check_category(category: str) -> None:
    if category not in FixedCostCategory.values:
        raise ValidationError({"category": _("That is not a category of fixed costs.")})


def current(costs: Any) -> Any:
    """The entries that count: those no correction has replaced."""
    return costs.filter(corrections__isnull=True)


@transaction.atomic
def book_fixed_cost(
    room: Room,
    user: Any,
    *,
    month: date,
    category: str,
    supplier: str,
    invoice_reference: str,
    amount: Decimal,
    description: str = "",
    contract_reference: str = "",
    document: Any = None,
) -> FixedCost:
    """Book an invoice of a supplier for a room and month. Refused: an amount of
    zero or less, a month not given by its first day, a category that is not a
    fixed-cost category, and an invoice of the same supplier booked before."""
    _check_month(month)
    _check_category(category)
    ensure_open(room, month)
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    supplier, invoice_reference = supplier.strip(), invoice_reference.strip()
    if not invoice_reference:
        raise ValidationError(
            {"invoice_reference": _("Give the supplier's invoice reference.")}
        )
    double = FixedCost.objects.filter(
        supplier__iexact=supplier,
        invoice_reference__iexact=invoice_reference,
        correction_of__isnull=True,
    )
    if double.exists():
        raise ValidationError(
            {"invoice_reference": _("This invoice of this supplier was booked before.")}
        )
    cost = FixedCost(
        room=room,
        month=month,
        category=category,
        supplier=supplier,
        invoice_reference=invoice_reference,
        description=description.strip(),
        amount=amount,
        contract_reference=contract_reference.strip(),
        booked_by=user,
    )
    if document is not None:
        cost.document = store_document(
            document,
            title=f"{supplier} {invoice_reference}",
            user=user,
            room_id=room.pk,
            kind=DocumentKind.INVOICE,
        )
    cost.full_clean()
    cost.save()
    logger.info("fixed cost booked room=%s month=%s", room.uuid, month)
    return cost


@transaction.atomic
def correct_fixed_cost(
    original: FixedCost, amount: Decimal, reason: str, user: Any
) -> FixedCost:
    """Replace a booking by a new entry with the right amount (zero undoes it),
    pointing to the original, which stays as it was."""
    original = FixedCost.objects.select_for_update().get(pk=original.pk)
    if original.corrections.exists():
        raise ValidationError(
            _("This entry was corrected already: correct the latest correction.")
        )
    if amount < 0:
        raise ValidationError({"amount": _("A corrected amount is not negative.")})
    if amount == original.amount:
        raise ValidationError({"amount": _("The amount is the same as before.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the correction.")})
    # A correction is a new entry in an open month; the original may lie in a
    # closed one.
    month = first_open_month(original.room, original.month)
    ensure_open(original.room, month)
    correction = FixedCost(
        room=original.room,
        month=month,
        category=original.category,
        supplier=original.supplier,
        invoice_reference=original.invoice_reference,
        description=original.description,
        amount=amount,
        document=original.document,
        contract_reference=original.contract_reference,
        template=original.template,
        correction_of=original,
        reason=reason.strip(),
        booked_by=user,
    )
    correction.full_clean()
    correction.save()
    logger.info("fixed cost corrected cost=%s", original.uuid)
    return correction


@transaction.atomic
def save_template(template: FixedCostTemplate) -> FixedCostTemplate:
    """Save a recurring fixed cost, checked as a whole."""
    _check_category(template.category)
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def generate_from_templates(month: date, user: Any) -> list[FixedCost]:
    """Book every template that runs in `month` and was not booked for it yet.
    Running it twice for the same month adds nothing."""
    _check_month(month)
    running = FixedCostTemplate.objects.select_for_update().filter(
        Q(until_month__isnull=True) | Q(until_month__gte=month),
        from_month__lte=month,
    )
    # Rooms whose month is closed get nothing booked in it.
    running = running.exclude(room__closed_months__month__gte=month)
    done = set(
        FixedCost.objects.filter(
            month=month, template__in=running, correction_of__isnull=True
        ).values_list("template_id", flat=True)
    )
    created = [
        FixedCost(
            room_id=template.room_id,
            month=month,
            category=template.category,
            supplier=template.supplier,
            description=template.description,
            amount=template.amount,
            contract_reference=template.contract_reference,
            template=template,
            booked_by=user,
        )
        for template in running.order_by("pk")
        if template.pk not in done
    ]
    FixedCost.objects.bulk_create(created)
    logger.info("fixed costs generated month=%s count=%s", month, len(created))
    return created


@transaction.atomic
def save_budget_line(
    room: Room,
    year: int,
    *,
    category: str,
    amount: Decimal,
    funding_source: FundingApplication | None = None,
) -> BudgetLine:
    """Set what a category may cost in a room's year, from one funding source.
    The budget is made on first use; a line for the same category and source is
    changed rather than added twice."""
    if category not in dict(BUDGET_CATEGORIES):
        raise ValidationError({"category": _("That is not a budget category.")})
    if amount < 0:
        raise ValidationError({"amount": _("A budgeted amount is not negative.")})
    if funding_source is not None and funding_source.room_id != room.pk:
        raise ValidationError(
            {"funding_source": _("That funding application is of another room.")}
        )
    ensure_not_frozen(room, year)
    budget, _created = Budget.objects.select_for_update().get_or_create(
        room=room, year=year
    )
    line = BudgetLine.objects.filter(
        budget=budget, category=category, funding_source=funding_source
    ).first() or BudgetLine(
        budget=budget, category=category, funding_source=funding_source
    )
    line.amount = amount
    line.full_clean()
    line.save()
    return line


@dataclass(frozen=True)
class CategoryRow:
    category: str
    label: str
    budgeted: Decimal
    actual: Decimal

    @property
    def difference(self) -> Decimal:
        """What is left of the budget; negative when overspent."""
        return self.budgeted - self.actual


@dataclass(frozen=True)
class SourceRow:
    source: FundingApplication | None
    granted: Decimal | None
    assigned: Decimal

    @property
    def unassigned(self) -> Decimal | None:
        return None if self.granted is None else self.granted - self.assigned


@dataclass(frozen=True)
class BudgetReport:
    categories: list[CategoryRow]
    sources: list[SourceRow]

    @property
    def budgeted(self) -> Decimal:
        return sum((row.budgeted for row in self.categories), ZERO)

    @property
    def actual(self) -> Decimal:
        return sum((row.actual for row in self.categories), ZERO)

    @property
    def difference(self) -> Decimal:
        return self.budgeted - self.actual


def budget_against_actuals(room: Room, year: int) -> BudgetReport:
    """Per category: budgeted, actually spent (fixed costs that count, and for
    petty cash the room's expenses net of refunds) and the difference; per
    funding source: the amount granted against what the budget assigns to it.
    Four queries, whatever the number of lines and entries."""
    lines = BudgetLine.objects.filter(budget__room=room, budget__year=year)
    budgeted = dict(
        lines.values_list("category").annotate(total=Sum("amount")).order_by()
    )
    fixed = current(FixedCost.objects.filter(room=room, month__year=year))
    actual = dict(
        fixed.values_list("category").annotate(total=Sum("amount")).order_by()
    )
    spent = Expense.objects.filter(room=room, spent_on__year=year).aggregate(
        out=Sum("amount", filter=Q(refund_of__isnull=True)),
        back=Sum("amount", filter=Q(refund_of__isnull=False)),
    )
    actual[PETTY_CASH] = (spent["out"] or ZERO) - (spent["back"] or ZERO)
    # Sums are rounded back to cents: SQLite adds decimals as floating point.
    categories = [
        CategoryRow(
            category=str(value),
            label=str(label),
            budgeted=to_money(budgeted.get(value) or ZERO),
            actual=to_money(actual.get(value) or ZERO),
        )
        for value, label in BUDGET_CATEGORIES
    ]
    return BudgetReport(categories, _sources(lines, room, year))


def _sources(lines: Any, room: Room, year: int) -> list[SourceRow]:
    """Funding applications the budget draws on, and those granted to the room
    for the year that it does not draw on yet."""
    assigned = {
        row["funding_source"]: to_money(row["total"] or ZERO)
        for row in lines.values("funding_source")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    granted_for_year = Q(
        room=room,
        status=FundingStatus.GRANTED,
        period_start__lte=date(year, 12, 31),
        period_end__gte=date(year, 1, 1),
    )
    applications = FundingApplication.objects.filter(
        granted_for_year | Q(pk__in=[pk for pk in assigned if pk is not None])
    ).select_related("funder")
    rows = [
        SourceRow(
            application,
            application.amount_granted,
            assigned.get(application.pk, ZERO),
        )
        for application in applications.order_by("funder__name", "title")
    ]
    if None in assigned:
        rows.append(SourceRow(None, None, assigned[None]))
    return rows
