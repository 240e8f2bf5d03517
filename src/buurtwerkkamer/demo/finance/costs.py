"""Fixed costs and budgets: the recurring costs as templates booked month by
month, the coordinator's salary booked monthly against the contract, a budget
per year drawn on the room's grants and its partners' commitments, and one
correction after the energy supplier's annual bill."""

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from buurtwerkkamer.brokering.constants import FundingStatus
from buurtwerkkamer.brokering.models import AgreementParty, FundingApplication
from buurtwerkkamer.finance.constants import PETTY_CASH
from buurtwerkkamer.finance.constants import FixedCostCategory as Cost
from buurtwerkkamer.finance.costs import (
    book_fixed_cost,
    commitments_for,
    correct_fixed_cost,
    generate_from_templates,
    save_budget_line,
    save_template,
)
from buurtwerkkamer.finance.models import FixedCost, FixedCostTemplate
from buurtwerkkamer.finance.services import allowance_for

from ..context import Demo
from ..facts.finance import UTILITIES_RISE, UTILITIES_SUPPLIER
from .books import YEARS_BACK, Books

ZERO = Decimal("0.00")
GRANTED = [FundingStatus.GRANTED, FundingStatus.PARTLY_GRANTED]
Source = FundingApplication | AgreementParty | None


def set_up(demo: Demo, books: list[Books]) -> None:
    """Every room's templates, and its budget for each year it keeps books."""
    for each in books:
        _templates(demo, each)
        for year in range(each.first_month.year, demo.today.year + 1):
            _budget(demo, each, year)


def utilities(demo: Demo, books: Books, year: int) -> Decimal:
    """The monthly advance for gas, water and electricity, a little higher
    every year."""
    rise = (1 + UTILITIES_RISE) ** (year - demo.today.year + YEARS_BACK)
    return (books.money.utilities * rise).quantize(Decimal("1"))


def _templates(demo: Demo, books: Books) -> None:
    treasurer, room, first = demo.users["penningmeester"], books.room, books.first_month
    landlord = demo.organisations[books.fact.landlord].name
    address = books.fact.address
    templates = [
        FixedCostTemplate(
            room=room,
            category=Cost.RENT,
            supplier=landlord,
            description=f"Huur {address.street} {address.house_number}",
            amount=books.fact.monthly_rent,
            from_month=first,
            contract_reference=f"HUUR-{books.money.code}-{first.year}",
            created_by=treasurer,
        ),
        *(
            FixedCostTemplate(
                room=room,
                category=cost.category,
                supplier=cost.supplier,
                description=cost.description,
                amount=cost.amount,
                from_month=first,
                created_by=treasurer,
            )
            for cost in books.money.costs
        ),
    ]
    # The energy supplier sets a new advance every January.
    for year in range(first.year, demo.today.year + 1):
        templates.append(
            FixedCostTemplate(
                room=room,
                category=Cost.UTILITIES,
                supplier=UTILITIES_SUPPLIER,
                description="Voorschot gas, water en elektra",
                amount=utilities(demo, books, year),
                from_month=max(first, date(year, 1, 1)),
                until_month=None if year == demo.today.year else date(year, 12, 1),
                created_by=treasurer,
            )
        )
    for template in templates:
        save_template(template)


def book_month(demo: Demo, books: list[Books], month: date) -> None:
    """The month's recurring costs from the templates, and the salaries."""
    treasurer = demo.users["penningmeester"]
    generate_from_templates(month, treasurer)
    for each in books:
        contract = each.contract_in(demo, month)
        if contract is None:
            continue
        book_fixed_cost(
            each.room,
            treasurer,
            month=month,
            category=Cost.SALARIES,
            supplier=contract.employee,
            invoice_reference=f"Loonstrook {month:%Y-%m} {each.money.code}",
            amount=contract.monthly_cost,
            description="Salaris teamcoördinator, inclusief werkgeverslasten",
            contract_reference=contract.reference,
        )


def correct_utilities(demo: Demo, books: Books, month: date) -> FixedCost:
    """The supplier's annual bill showed the advance of `month` was too low;
    the correction lands in the room's first open month."""
    original = FixedCost.objects.get(
        room=books.room,
        month=month,
        category=Cost.UTILITIES,
        correction_of__isnull=True,
    )
    return correct_fixed_cost(
        original,
        original.amount + Decimal("64.30"),
        "Jaarafrekening energie: het voorschot was te laag voor het gebruik.",
        demo.users["penningmeester"],
    )


# Budget.


def _months_in(books: Books, year: int) -> int:
    start = max(books.first_month, date(year, 1, 1))
    return 13 - start.month


def _round_up(amount: Decimal) -> Decimal:
    """Budgets are made in tens of euros."""
    return (amount / 10).to_integral_value(ROUND_CEILING) * 10


def _needs(demo: Demo, books: Books, year: int) -> list[tuple[str, Decimal]]:
    months = _months_in(books, year)
    start = max(books.first_month, date(year, 1, 1))
    contract = books.contract_in(demo, start) or books.money.contracts[-1]
    needs = [
        (Cost.SALARIES, contract.monthly_cost),
        (Cost.RENT, books.fact.monthly_rent),
        (Cost.UTILITIES, utilities(demo, books, year)),
        *((cost.category, cost.amount) for cost in books.money.costs),
        (PETTY_CASH, allowance_for(books.room)),
    ]
    return [(str(category), _round_up(each * months)) for category, each in needs]


def _sources(books: Books, year: int) -> list[tuple[Source, Decimal]]:
    """What the room's year may draw on: the landlord's committed amount for the
    rent first, then each grant's share of the year, largest first."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    grants = FundingApplication.objects.filter(
        room=books.room,
        status__in=GRANTED,
        period_start__lte=last,
        period_end__gte=first,
    )
    shares: list[tuple[Source, Decimal]] = []
    for grant in grants:
        overlap = _months_between(
            max(grant.period_start, first), min(grant.period_end, last)
        )
        total = _months_between(grant.period_start, grant.period_end)
        share = (grant.amount_granted or ZERO) * overlap / total
        shares.append((grant, share.to_integral_value(ROUND_FLOOR)))
    committed = commitments_for(books.room, year).filter(commitment_amount__gt=0)
    money = [(party, party.commitment_amount or ZERO) for party in committed]
    return money + sorted(shares, key=lambda share: -share[1])


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _budget(demo: Demo, books: Books, year: int) -> None:
    """Each category is funded from the sources in turn while they last; what
    no source covers is budgeted from the cooperative's own means."""
    sources = _sources(books, year)
    left = [share for _source, share in sources]
    for category, need in _needs(demo, books, year):
        for index, (source, _share) in enumerate(sources):
            if isinstance(source, AgreementParty) and category != Cost.RENT:
                continue
            take = min(need, left[index])
            if take > 0:
                _line(books, year, category, take, source)
                need -= take
                left[index] -= take
        if need > 0:
            _line(books, year, category, need, None)


def _line(
    books: Books, year: int, category: str, amount: Decimal, source: Source
) -> None:
    if isinstance(source, AgreementParty):
        save_budget_line(
            books.room, year, category=category, amount=amount, commitment=source
        )
    else:
        save_budget_line(
            books.room, year, category=category, amount=amount, funding_source=source
        )
