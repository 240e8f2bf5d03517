"""The money of the operational rooms as plain facts: what each pays every month,
who is paid a salary under which contract, and what petty cash goes on.

Amounts are invented but of a realistic size for a small room in Utrecht."""

from dataclasses import dataclass
from decimal import Decimal

from buurtwerkkamer.finance.constants import FixedCostCategory as Cost

from .rooms import KANALENEILAND, ONDIEP, OVERVECHT


@dataclass(frozen=True)
class MonthlyCost:
    category: Cost
    supplier: str
    description: str
    amount: Decimal


@dataclass(frozen=True)
class Contract:
    """A team coordinator's employment contract, paid as a fixed cost."""

    employee: str
    reference: str
    monthly_cost: Decimal  # gross salary plus the employer's charges
    # Days before today the contract started and ended; None: it runs.
    started_ago: int | None = None
    ended_ago: int | None = None


@dataclass(frozen=True)
class RoomMoney:
    slug: str
    code: str  # short name in statement and invoice references
    utilities: Decimal  # the monthly advance in the first year; it rises yearly
    costs: tuple[MonthlyCost, ...]
    contracts: tuple[Contract, ...]


@dataclass(frozen=True)
class Purchase:
    """Something petty cash pays for, with the shop the bank statement names."""

    category: str
    description: str
    shop: str
    amount: Decimal


UTILITIES_SUPPLIER = "Energiecoöperatie Domstroom"
# The utilities advance goes up by this fraction every calendar year.
UTILITIES_RISE = Decimal("0.04")


def _fixed(insurance: str, phone: str) -> tuple[MonthlyCost, ...]:
    return (
        MonthlyCost(
            Cost.INSURANCE,
            "Verzekeringen Oudegracht",
            "Inventaris- en aansprakelijkheidsverzekering",
            Decimal(insurance),
        ),
        MonthlyCost(
            Cost.PHONE,
            "NetBuurt Telecom",
            "Internet en mobiele telefoon teamcoördinator",
            Decimal(phone),
        ),
    )


ROOM_MONEY = (
    RoomMoney(
        slug=OVERVECHT.slug,
        code="OV",
        utilities=Decimal("205.00"),
        costs=_fixed("38.50", "54.95"),
        contracts=(Contract("Yasmina Ouali", "AO-2023-007", Decimal("2480.00")),),
    ),
    RoomMoney(
        slug=KANALENEILAND.slug,
        code="KE",
        utilities=Decimal("176.00"),
        costs=_fixed("36.75", "49.95"),
        # The first coordinator left; her successor started ten days later.
        contracts=(
            Contract("Mieke Vos", "AO-2024-003", Decimal("2310.00"), ended_ago=250),
            Contract(
                "Dennis Bakker", "AO-2026-002", Decimal("2395.00"), started_ago=240
            ),
        ),
    ),
    RoomMoney(
        slug=ONDIEP.slug,
        code="ON",
        utilities=Decimal("158.00"),
        costs=_fixed("34.20", "49.95"),
        contracts=(Contract("Priya Ramdin", "AO-2025-011", Decimal("2265.00")),),
    ),
)

PURCHASES = (
    Purchase("A", "Koffie, thee en suiker", "Buurtsuper De Dreef", Decimal("18.45")),
    Purchase("A", "Koffiebonen en melk", "Buurtsuper De Dreef", Decimal("21.30")),
    Purchase("B", "Boodschappen kookclub", "Versmarkt Utrecht", Decimal("42.10")),
    Purchase(
        "B",
        "Broodjes voor de vrijwilligersavond",
        "Bakkerij De Korenaar",
        Decimal("31.50"),
    ),
    Purchase(
        "C",
        "Parkeren bij het stadskantoor",
        "Parkeergarage Stadsplateau",
        Decimal("9.60"),
    ),
    Purchase("C", "Buskaartjes uitstapje taalcafé", "OV Domstad", Decimal("14.40")),
    Purchase(
        "D",
        "Schoonmaakmiddel en wc-papier",
        "Drogisterij Het Plein",
        Decimal("14.99"),
    ),
    Purchase(
        "D", "Afwasmiddel en vaatdoekjes", "Drogisterij Het Plein", Decimal("8.75")
    ),
    Purchase(
        "E", "Postzegels en printpapier", "Kantoorboekhandel Domstad", Decimal("11.20")
    ),
    Purchase(
        "E",
        "Inktpatronen voor de printer",
        "Kantoorboekhandel Domstad",
        Decimal("27.95"),
    ),
    Purchase(
        "F", "Stof en garen naaiatelier", "Stoffenmarkt Oudegracht", Decimal("36.75")
    ),
    Purchase(
        "F", "Onderdelen reparatiecafé", "Bouwmarkt Vaartsche Rijn", Decimal("22.40")
    ),
    Purchase(
        "F", "Knutselmateriaal kinderochtend", "Hobbywinkel Lombok", Decimal("17.85")
    ),
)
# How many purchases a room makes in a month.
PURCHASES_PER_MONTH = 5

# A card payment whose receipt has not been handed in: on the bank statement of
# last month, with no expense recorded for it.
RECEIPT_MISSING = Purchase(
    "A", "Boodschappen zonder bon", "Buurtsuper De Dreef", Decimal("23.67")
)
# Paid on the last day of last month: recorded, but the bank books it next month.
NOT_YET_BOOKED = Purchase(
    "E", "Batterijen en een verlengsnoer", "Bouwmarkt Vaartsche Rijn", Decimal("16.49")
)

# What partners put in under a room's cooperation agreement, per year: (party
# slug, amount or None, in kind). The landlord's amount goes to the rent.
COMMITMENTS = {
    OVERVECHT.slug: (
        (OVERVECHT.landlord, Decimal("3000.00"), "Onderhoud van de ruimte"),
        (
            "samen-aan-tafel",
            None,
            "Een kok die eens per maand de kookclub begeleidt",
        ),
        (OVERVECHT.residents, None, "Vrijwilligers voor de openingsuren"),
    ),
    KANALENEILAND.slug: (
        (KANALENEILAND.landlord, Decimal("2400.00"), ""),
        (
            "werk-en-inkomen",
            None,
            "Een klantmanager die de deelnemers begeleidt",
        ),
    ),
    ONDIEP.slug: (
        (ONDIEP.landlord, Decimal("1800.00"), "Meubilair uit een leeg pand"),
    ),
}
