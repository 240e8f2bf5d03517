"""The room in its start-up track, as it stands today: letters of intent signed, a
location chosen from three, a funding application awaiting its decision, the
cooperation agreement in negotiation and the practical checklist under way."""

from decimal import Decimal

from buurtwerkkamer.brokering.constants import AgreementKind
from buurtwerkkamer.brokering.queries import parties_for
from buurtwerkkamer.brokering.services import (
    add_party,
    create_agreement,
    record_signature,
)
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.models import ChecklistItem
from buurtwerkkamer.startup.services import choose_location, start_checklist, tick

from .context import Demo, month_start, period_end, signatory
from .facts import Address
from .facts.rooms import GEMEENTE, KANAALKANT, START_UP_ROOM, WERK_EN_INKOMEN
from .paperwork import funding_application, signed_agreement, title_of
from .track import add_location, pass_gates, record_talks

FACT = START_UP_ROOM
# Per checklist position: in how many days it is due (negative: overdue or past) and
# how many days ago it was done, if it was. Items a later checklist adds are due in
# two months.
CHECKLIST_PLAN: dict[int, tuple[int, int | None]] = {
    1: (30, None),  # keys: once the lease is signed
    2: (35, None),
    3: (50, None),
    4: (-3, None),  # the bank account is overdue: the bank wants the agreement first
    5: (-15, 20),
    6: (-10, 12),
    7: (60, None),
}


def build_start_up(demo: Demo) -> None:
    room = demo.rooms[FACT.slug]
    coach = demo.users[FACT.gatekeeper]

    _talks(demo, room)
    signed_agreement(
        demo,
        room,
        kind=AgreementKind.LETTER_OF_INTENT,
        parties=(GEMEENTE, KANAALKANT, FACT.residents),
        signed_from=demo.day(152),
        user=coach,
        period=(demo.day(152), None),
    )
    _locations(demo, room)
    for funding in FACT.funding:
        funding_application(
            demo, room, funding, opened=None, user=demo.users["penningmeester"]
        )
    _cooperation_in_negotiation(demo, room)
    _checklist(demo, room)
    pass_gates(room, [(demo.day(140), coach, ""), (demo.day(55), coach, "")])


def _talks(demo: Demo, room: Room) -> None:
    record_talks(
        demo,
        room,
        [
            (
                GEMEENTE,
                demo.day(200),
                "Wijkregisseur ziet in Hoograven veel eenzaamheid en schulden; de "
                "gemeente wil een buurtwerkkamer steunen als bewoners het dragen.",
                demo.day(170),
            ),
            (
                FACT.residents,
                demo.day(185),
                "Twaalf bewoners op de eerste avond; een kwartiermaker neemt het "
                "voortouw.",
                None,
            ),
            (
                KANAALKANT,
                demo.day(180),
                "De corporatie biedt de oude huismeesterspost aan de Oranjeboomweg "
                "aan tegen een sociale huur.",
                demo.day(150),
            ),
            (
                WERK_EN_INKOMEN,
                demo.day(120),
                "Belangstelling voor twee participatieplaatsen zodra de kamer open is.",
                demo.day(30),
            ),
            (
                "domstad-buurtfonds",
                demo.day(40),
                "Het fonds steunt inrichting alleen na een besluit van de gemeente; "
                "opnieuw spreken na het subsidiebesluit.",
                demo.day(-28),
            ),
        ],
    )


def _locations(demo: Demo, room: Room) -> None:
    chosen = add_location(
        demo,
        room,
        FACT.address,
        rent=FACT.monthly_rent,
        area=FACT.floor_area,
        landlord=FACT.landlord,
        status=LocationStatus.VISITED,
        notes="Voormalige huismeesterspost; begane grond, rolstoeltoegankelijk.",
    )
    add_location(
        demo,
        room,
        Address("Smijerslaan", "2", "3523 BK"),
        rent=Decimal("1450.00"),
        area=Decimal("160.0"),
        status=LocationStatus.REJECTED,
        notes="Leeg winkelpand: de huur past niet in de begroting; geen keuken.",
    )
    add_location(
        demo,
        room,
        Address("Van Zijstweg", "58", "3523 AV"),
        rent=Decimal("400.00"),
        area=Decimal("85.0"),
        status=LocationStatus.VISITED,
        notes="Zaal van de wijkkerk: alleen op doordeweekse ochtenden beschikbaar.",
    )
    choose_location(chosen)


def _cooperation_in_negotiation(demo: Demo, room: Room) -> None:
    """The draft went to three parties; the benefits agency joined later. The
    landlord has signed; the others wait for the municipality's funding decision."""
    start = month_start(demo.day(-90))
    agreement = create_agreement(
        room,
        kind=AgreementKind.COOPERATION,
        title=title_of(AgreementKind.COOPERATION, room),
        parties=demo.orgs(GEMEENTE, KANAALKANT, FACT.residents),
        starts_on=start,
        ends_on=period_end(start, 48),
        notes="Besproken in het partneroverleg; de gemeente tekent na het "
        "subsidiebesluit.",
    )
    add_party(agreement, demo.organisations[WERK_EN_INKOMEN])
    landlord = next(
        party
        for party in parties_for(agreement)
        if party.organisation.slug == KANAALKANT
    )
    record_signature(
        landlord,
        signed_on=demo.day(5),
        signed_by=signatory(KANAALKANT),
        today=demo.today,
    )


def _checklist(demo: Demo, room: Room) -> None:
    coach = demo.users[FACT.gatekeeper]
    items = start_checklist(room)
    for item in items:
        due_in, _done_ago = CHECKLIST_PLAN.get(item.position, (60, None))
        item.due_on = demo.day(-due_in)
    ChecklistItem.objects.bulk_update(items, ["due_on"])

    for item in items:
        _due_in, done_ago = CHECKLIST_PLAN.get(item.position, (60, None))
        if done_ago is not None:
            tick(item, coach, done=True, today=demo.day(done_ago))
