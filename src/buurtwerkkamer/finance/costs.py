"""Fixed costs and budgets: booking a fixed cost, correcting it, generating the
recurring ones from their templates, and a room's budget against its actuals.

A fixed cost counts until it is corrected: the correction holds the right amount
and the original stays, so the books show what was booked and what replaced it."""

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from buurtwerkkamer.brokering.constants import GRANTED, AgreementStatus
from buurtwerkkamer.brokering.models import AgreementParty, FundingApplication
from buurtwerkkamer.core.money import to_money
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.employer.constants import PayBasis
from buurtwerkkamer.employer.models import Contract
from buurtwerkkamer.rooms.models import Room

from .closing import ensure_not_frozen, ensure_open, first_open_month, next_month
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


def _check_contract(contract: Contract, room: Room, month: date, category: str) -> None:
    """Salaries and fees link to the contract they pay: a paid contract that
    serves the room and runs in the month."""
    if category != FixedCostCategory.SALARIES:
        raise ValidationError(
            {"contract": _("Only salaries and fees are linked to a contract.")}
        )
    if not contract.pay or contract.pay_basis == PayBasis.NONE:
        raise ValidationError({"contract": _("That contract is unpaid.")})
    if not contract.rooms.filter(pk=room.pk).exists():
        raise ValidationError(
            {"contract": _("That contract does not serve this room.")}
        )
    last = next_month(month) - timedelta(days=1)
    if contract.starts_on > last or (contract.ends_on and contract.ends_on < month):
        raise ValidationError(
            {"contract": _("That contract does not run in this month.")}
        )


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
    contract: Contract | None = None,
) -> FixedCost:
    """Book an invoice of a supplier for a room and month. Refused: an amount of
    zero or less, a month not given by its first day, a category that is not a
    fixed-cost category, an invoice of the same supplier booked before, and a
    contract that this cost cannot pay (see `_check_contract`)."""
    _check_month(month)
    _check_category(category)
    if contract is not None:
        _check_contract(contract, room, month, category)
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
        contract=contract,
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
        contract=original.contract,
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


def commitments_for(room: Room, year: int) -> QuerySet[AgreementParty]:
    """The commitments a room's budget for `year` may draw on: parties that
    stated one in an agreement of the room that is out of draft and covers the
    year. An agreement without a start or an end date is open on that side."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return (
        AgreementParty.objects.filter(agreement__room=room)
        .exclude(agreement__status=AgreementStatus.DRAFT)
        .filter(
            Q(agreement__starts_on__isnull=True) | Q(agreement__starts_on__lte=last),
            Q(agreement__ends_on__isnull=True) | Q(agreement__ends_on__gte=first),
        )
        .filter(Q(commitment_amount__isnull=False) | ~Q(commitment_in_kind=""))
    )


def grants_for(room: Room, year: int) -> QuerySet[FundingApplication]:
    """The room's funding applications granted (wholly or partly) for a period
    that overlaps `year`."""
    return FundingApplication.objects.filter(
        room=room,
        status__in=GRANTED,
        period_start__lte=date(year, 12, 31),
        period_end__gte=date(year, 1, 1),
    )


def _check_commitment(commitment: AgreementParty, room: Room, year: int) -> None:
    party = AgreementParty.objects.select_related("agreement").get(pk=commitment.pk)
    agreement = party.agreement
    if agreement.room_id != room.pk:
        raise ValidationError(
            {"commitment": _("That commitment is of another room's agreement.")}
        )
    if agreement.status == AgreementStatus.DRAFT:
        raise ValidationError(
            {"commitment": _("That agreement is still a draft: it commits nobody.")}
        )
    if not commitments_for(room, year).filter(pk=party.pk).exists():
        if not party.has_commitment:
            raise ValidationError(
                {"commitment": _("That party has stated no commitment.")}
            )
        raise ValidationError(
            {
                "commitment": _("That agreement does not cover the year %(year)s.")
                % {"year": year}
            }
        )


@transaction.atomic
def save_budget_line(
    room: Room,
    year: int,
    *,
    category: str,
    amount: Decimal,
    funding_source: FundingApplication | None = None,
    commitment: AgreementParty | None = None,
) -> BudgetLine:
    """Set what a category may cost in a room's year, from one funding source: a
    funding application of the room, or a party's commitment in an agreement of
    the room that is out of draft and covers the year (neither: the
    cooperative's own means). The budget is made on first use; a line for the
    same category and source is changed rather than added twice."""
    if category not in dict(BUDGET_CATEGORIES):
        raise ValidationError({"category": _("That is not a budget category.")})
    if amount < 0:
        raise ValidationError({"amount": _("A budgeted amount is not negative.")})
    if funding_source is not None and commitment is not None:
        raise ValidationError(_("A budget line has one funding source at most."))
    if funding_source is not None and funding_source.room_id != room.pk:
        raise ValidationError(
            {"funding_source": _("That funding application is of another room.")}
        )
    if commitment is not None:
        _check_commitment(commitment, room, year)
    ensure_not_frozen(room, year)
    budget, _created = Budget.objects.select_for_update().get_or_create(
        room=room, year=year
    )
    source = {"funding_source": funding_source, "commitment": commitment}
    line = BudgetLine.objects.filter(
        budget=budget, category=category, **source
    ).first() or BudgetLine(budget=budget, category=category, **source)
    line.amount = amount
    line.full_clean()
    line.save()
    return line


def share_out(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split `total` over parts in proportion to positive `weights`, in whole
    cents that add up to `total` exactly. Each part first gets its proportional
    share rounded down to the cent; the cents still missing go one by one to the
    parts whose share lost the most in rounding (the largest remainder), the
    earlier part first on a tie."""
    cents = int(to_money(total) * 100)
    scaled = [int(to_money(weight) * 100) for weight in weights]
    whole = sum(scaled)
    parts = [cents * weight // whole for weight in scaled]
    remainders = [cents * weight % whole for weight in scaled]
    missing = cents - sum(parts)
    by_remainder = sorted(range(len(parts)), key=lambda i: (-remainders[i], i))
    for index in by_remainder[:missing]:
        parts[index] += 1
    return [Decimal(part).scaleb(-2) for part in parts]


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


Source = FundingApplication | AgreementParty | None
# A source as the budget lines name it: ("application", pk), ("commitment", pk),
# or None for the cooperative's own means.
SourceKey = tuple[str, int] | None


@dataclass(frozen=True)
class SourceRow:
    """One funding source of a budget: what it committed or granted (none for
    the cooperative's own means and for a commitment in kind only), what the
    budget assigns to it and what was spent from it."""

    source: Source
    # Shortcoming: a commitment or grant that spans several years shows its
    # whole amount here, not the part meant for this year; commitments get a
    # share per year with the commitments of issue 4.
    granted: Decimal | None
    assigned: Decimal
    spent: Decimal = ZERO

    @property
    def is_commitment(self) -> bool:
        return isinstance(self.source, AgreementParty)

    @property
    def unassigned(self) -> Decimal | None:
        return None if self.granted is None else self.granted - self.assigned

    @property
    def left(self) -> Decimal:
        """What is left of the amount the budget assigns to this source."""
        return self.assigned - self.spent


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
    petty cash the room's expenses net of refunds) and the difference. Per
    funding source (each commitment, each funding application, the
    cooperative's own means): what it committed or granted, what the budget
    assigns to it and what was spent from it.

    What a category actually cost is attributed to the sources of that
    category's budget lines in proportion to their budgeted amounts, in cents
    that add up to the category's actual exactly (see `share_out`). What a
    category without budget (no lines, or lines of zero) cost counts as the
    cooperative's own means. Five queries, whatever the number of lines and
    entries."""
    lines = BudgetLine.objects.filter(budget__room=room, budget__year=year)
    # Sums are rounded back to cents: SQLite adds decimals as floating point.
    weights: dict[str, dict[SourceKey, Decimal]] = defaultdict(dict)
    for category, application, commitment, amount in lines.values_list(
        "category", "funding_source_id", "commitment_id", "amount"
    ).order_by("pk"):
        key = _key(application, commitment)
        weights[category][key] = weights[category].get(key, ZERO) + to_money(amount)
    actual = _actuals(room, year)
    categories = [
        CategoryRow(
            category=str(value),
            label=str(label),
            budgeted=sum(weights[value].values(), ZERO),
            actual=actual.get(value, ZERO),
        )
        for value, label in BUDGET_CATEGORIES
    ]
    return BudgetReport(categories, _sources(categories, weights, room, year))


def _key(application: int | None, commitment: int | None) -> SourceKey:
    if application is not None:
        return ("application", application)
    if commitment is not None:
        return ("commitment", commitment)
    return None


def _actuals(room: Room, year: int) -> dict[str, Decimal]:
    fixed = current(FixedCost.objects.filter(room=room, month__year=year))
    actual = {
        category: to_money(total or ZERO)
        for category, total in fixed.values_list("category")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    spent = Expense.objects.filter(room=room, spent_on__year=year).aggregate(
        out=Sum("amount", filter=Q(refund_of__isnull=True)),
        back=Sum("amount", filter=Q(refund_of__isnull=False)),
    )
    actual[PETTY_CASH] = to_money((spent["out"] or ZERO) - (spent["back"] or ZERO))
    return actual


def _spent_per_source(
    categories: list[CategoryRow], weights: dict[str, dict[SourceKey, Decimal]]
) -> dict[SourceKey, Decimal]:
    spent: dict[SourceKey, Decimal] = defaultdict(lambda: ZERO)
    for row in categories:
        funded = {key: w for key, w in weights[row.category].items() if w > 0}
        if not funded:
            spent[None] += row.actual
            continue
        for key, part in zip(
            funded, share_out(row.actual, list(funded.values())), strict=True
        ):
            spent[key] += part
    return spent


def _sources(
    categories: list[CategoryRow],
    weights: dict[str, dict[SourceKey, Decimal]],
    room: Room,
    year: int,
) -> list[SourceRow]:
    """The room's commitments and grants for the year, and any other source
    the budget draws on, then the cooperative's own means."""
    assigned: dict[SourceKey, Decimal] = defaultdict(lambda: ZERO)
    for per_source in weights.values():
        for key, amount in per_source.items():
            assigned[key] += amount
    spent = _spent_per_source(categories, weights)
    parties = [key[1] for key in assigned if key and key[0] == "commitment"]
    applications = [key[1] for key in assigned if key and key[0] == "application"]
    rows = [
        _row(party, party.commitment_amount, ("commitment", party.pk), assigned, spent)
        for party in (
            commitments_for(room, year) | AgreementParty.objects.filter(pk__in=parties)
        )
        .select_related("agreement", "organisation")
        .order_by("agreement__title", "organisation__name")
    ]
    rows += [
        _row(grant, grant.amount_granted, ("application", grant.pk), assigned, spent)
        for grant in (
            grants_for(room, year)
            | FundingApplication.objects.filter(pk__in=applications)
        )
        .select_related("funder")
        .order_by("funder__name", "title")
    ]
    rows.append(_row(None, None, None, assigned, spent))
    return rows


def _row(
    source: Source,
    granted: Decimal | None,
    key: SourceKey,
    assigned: dict[SourceKey, Decimal],
    spent: dict[SourceKey, Decimal],
) -> SourceRow:
    return SourceRow(source, granted, assigned.get(key, ZERO), spent.get(key, ZERO))
