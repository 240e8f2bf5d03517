"""Three operational rooms and one in its start-up track, all in Utrecht."""

from decimal import Decimal

from buurtwerkkamer.brokering.constants import FundingStatus as Status

from . import Account, Address, FundingFact, RoomFact

GEMEENTE = "gemeente-utrecht"
VECHTOEVER = "woonstichting-vechtoever"
KANAALKANT = "woningcorporatie-kanaalkant"
WERK_EN_INKOMEN = "werk-en-inkomen"
BUURTFONDS = "domstad-buurtfonds"
VAARTFONDS = "fonds-vrienden-van-de-vaart"

OVERVECHT = RoomFact(
    slug="overvecht",
    name="BuurtWerkKamer Overvecht",
    neighbourhood="Overvecht",
    address=Address("Tigrisdreef", "112", "3564 AB"),
    residents="bewonersvereniging-overvecht-noord",
    landlord=VECHTOEVER,
    monthly_rent=Decimal("925.00"),
    floor_area=Decimal("142.0"),
    partners=(GEMEENTE, VECHTOEVER, WERK_EN_INKOMEN, "samen-aan-tafel"),
    funding=(
        FundingFact(
            GEMEENTE,
            "Opstartsubsidie BuurtWerkKamer Overvecht",
            Decimal("52000.00"),
            Status.GRANTED,
            granted=Decimal("52000.00"),
            months=36,
        ),
        FundingFact(
            BUURTFONDS,
            "Inrichting en activiteiten eerste jaar Overvecht",
            Decimal("15000.00"),
            Status.PARTLY_GRANTED,
            granted=Decimal("12500.00"),
        ),
        # The first subsidy has just run out: the renewal awaits its decision.
        FundingFact(
            GEMEENTE,
            "Vervolgsubsidie BuurtWerkKamer Overvecht",
            Decimal("156000.00"),
            Status.SUBMITTED,
            months=36,
            submitted_ago=40,
            expected_in=20,
            period_starts_in=0,
        ),
    ),
    opened_ago=1095,
    gatekeeper="bestuur",
    account=Account("RABO", 3452210071),
)

KANALENEILAND = RoomFact(
    slug="kanaleneiland",
    name="BuurtWerkKamer Kanaleneiland",
    neighbourhood="Kanaleneiland",
    address=Address("Vasco da Gamalaan", "9", "3526 KM"),
    residents="bewonersvereniging-kanaleneiland",
    landlord=KANAALKANT,
    monthly_rent=Decimal("780.00"),
    floor_area=Decimal("118.5"),
    partners=(GEMEENTE, KANAALKANT, WERK_EN_INKOMEN),
    funding=(
        FundingFact(
            GEMEENTE,
            "Opstartsubsidie BuurtWerkKamer Kanaleneiland",
            Decimal("48000.00"),
            Status.GRANTED,
            granted=Decimal("48000.00"),
            months=36,
        ),
        FundingFact(
            WERK_EN_INKOMEN,
            "Begeleiding participatieplaatsen Kanaleneiland",
            Decimal("18000.00"),
            Status.GRANTED,
            granted=Decimal("18000.00"),
            months=24,
        ),
        FundingFact(
            VAARTFONDS,
            "Taalcafé en computerbrigade Kanaleneiland",
            Decimal("20000.00"),
            Status.REJECTED,
        ),
    ),
    opened_ago=730,
    gatekeeper="bestuur",
    account=Account("INGB", 7741023),
)

ONDIEP = RoomFact(
    slug="ondiep",
    name="BuurtWerkKamer Ondiep",
    neighbourhood="Ondiep",
    address=Address("Kooiplein", "4", "3552 GK"),
    residents="bewonersvereniging-ondiep",
    landlord=VECHTOEVER,
    monthly_rent=Decimal("690.00"),
    floor_area=Decimal("96.0"),
    partners=(GEMEENTE, VECHTOEVER),
    funding=(
        FundingFact(
            GEMEENTE,
            "Opstartsubsidie BuurtWerkKamer Ondiep",
            Decimal("45000.00"),
            Status.PARTLY_GRANTED,
            granted=Decimal("40000.00"),
            months=24,
        ),
        FundingFact(
            BUURTFONDS,
            "Naaiatelier en reparatiecafé Ondiep",
            Decimal("10000.00"),
            Status.GRANTED,
            granted=Decimal("10000.00"),
        ),
    ),
    opened_ago=300,
    gatekeeper="coach",
    account=Account("ABNA", 4415502281),
    opened_early_because=(
        "Opening valt samen met het straatfeest in Ondiep; de laatste meubels worden "
        "een week later geleverd, tot dan lenen we tafels van de buurtvereniging."
    ),
)

HOOGRAVEN = RoomFact(
    slug="hoograven",
    name="BuurtWerkKamer Hoograven",
    neighbourhood="Hoograven",
    address=Address("Oranjeboomweg", "31", "3523 CX"),
    residents="bewonersgroep-hoograven",
    landlord=KANAALKANT,
    monthly_rent=Decimal("810.00"),
    floor_area=Decimal("124.0"),
    partners=(GEMEENTE, KANAALKANT, WERK_EN_INKOMEN),
    funding=(
        FundingFact(
            GEMEENTE,
            "Opstartsubsidie BuurtWerkKamer Hoograven",
            Decimal("50000.00"),
            Status.SUBMITTED,
            months=24,
            submitted_ago=30,
            expected_in=21,
            period_starts_in=90,
        ),
        FundingFact(
            VAARTFONDS,
            "Inrichting BuurtWerkKamer Hoograven",
            Decimal("12000.00"),
            Status.DRAFT,
            period_starts_in=90,
        ),
    ),
    opened_ago=None,
    gatekeeper="coach",
)

OPERATIONAL_ROOMS = (OVERVECHT, KANALENEILAND, ONDIEP)
START_UP_ROOM = HOOGRAVEN
ROOMS = (*OPERATIONAL_ROOMS, START_UP_ROOM)
