"""How the operational rooms got through their gates, dated back from the day each
one opened: talks, a signed letter of intent, a chosen location, granted funding,
signed cooperation agreements, a finished checklist."""

from datetime import date, timedelta

from buurtwerkkamer.brokering.constants import AgreementKind
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.services import choose_location, start_checklist, tick

from .context import Demo, period_end
from .facts import RoomFact
from .facts.finance import COMMITMENTS
from .facts.rooms import GEMEENTE
from .paperwork import funding_application, signed_agreement
from .track import add_location, pass_gates, record_talks

# Days before the opening on which each gate was passed.
INTENT_GATE, LOCATION_GATE, FUNDED_GATE, AGREEMENTS_GATE = 378, 298, 198, 58
# The checklist item a room may open without, with the board's consent.
FURNITURE = 3
# Cooperation agreements run for four years from the opening.
AGREEMENT_MONTHS = 48


def build_history(demo: Demo, fact: RoomFact) -> None:
    """Everything an operational room left behind on its way to the opening."""
    if fact.opened_ago is None:
        raise ValueError(f"{fact.slug} has not opened: it has no history to build.")
    room = demo.rooms[fact.slug]
    opened = demo.day(fact.opened_ago)

    _talks(demo, room, fact, opened)
    _letter_of_intent(demo, room, fact, opened)
    location = add_location(
        demo,
        room,
        fact.address,
        rent=fact.monthly_rent,
        area=fact.floor_area,
        landlord=fact.landlord,
        status=LocationStatus.VISITED,
        notes="Begane grond met eigen ingang en een keuken.",
    )
    choose_location(location)
    for funding in fact.funding:
        funding_application(
            demo, room, funding, opened=opened, user=demo.users["penningmeester"]
        )
    _cooperation(demo, room, fact, opened)
    _checklist_and_gates(demo, room, fact, opened)


def _before(opened: date, days: int) -> date:
    return opened - timedelta(days=days)


def _talks(demo: Demo, room: Room, fact: RoomFact, opened: date) -> None:
    record_talks(
        demo,
        room,
        [
            (
                GEMEENTE,
                _before(opened, 450),
                f"Verkenning: is er in {fact.neighbourhood} behoefte aan een "
                "buurtwerkkamer? De gemeente denkt mee over financiering.",
                _before(opened, 420),
            ),
            (
                fact.residents,
                _before(opened, 430),
                "Bewoners willen een plek voor een kookclub en hulp bij formulieren.",
                None,
            ),
            (
                fact.landlord,
                _before(opened, 420),
                "De corporatie heeft mogelijk een ruimte vrij en ziet de kamer als "
                "bijdrage aan de leefbaarheid.",
                None,
            ),
        ],
    )


def _letter_of_intent(demo: Demo, room: Room, fact: RoomFact, opened: date) -> None:
    signed_from = _before(opened, INTENT_GATE + 9)
    signed_agreement(
        demo,
        room,
        kind=AgreementKind.LETTER_OF_INTENT,
        parties=tuple(dict.fromkeys((GEMEENTE, fact.landlord, fact.residents))),
        signed_from=signed_from,
        user=demo.users[fact.gatekeeper],
        period=(signed_from, None),
    )


def _cooperation(demo: Demo, room: Room, fact: RoomFact, opened: date) -> None:
    start = opened.replace(day=1)
    signed_agreement(
        demo,
        room,
        kind=AgreementKind.COOPERATION,
        parties=(*fact.partners, fact.residents),
        signed_from=_before(opened, AGREEMENTS_GATE + 15),
        user=demo.users[fact.gatekeeper],
        period=(start, period_end(start, AGREEMENT_MONTHS)),
        commitments=COMMITMENTS.get(fact.slug, ()),
    )


def _checklist_and_gates(demo: Demo, room: Room, fact: RoomFact, opened: date) -> None:
    """Tick the checklist in the last weeks before the opening, then pass the gates.
    A room that opened early leaves the furniture open and is let through by the
    board; the furniture is ticked a week after the opening."""
    user = demo.users[fact.gatekeeper]
    items = sorted(start_checklist(room), key=lambda item: item.position)
    for item in items:
        if not (fact.opened_early_because and item.position == FURNITURE):
            done_on = _before(opened, 40 - 5 * item.position)
            tick(item, user, done=True, today=done_on)

    opener = demo.users["bestuur"] if fact.opened_early_because else user
    pass_gates(
        room,
        [
            (_before(opened, INTENT_GATE), user, ""),
            (_before(opened, LOCATION_GATE), user, ""),
            (_before(opened, FUNDED_GATE), user, ""),
            (_before(opened, AGREEMENTS_GATE), user, ""),
            (opened, opener, fact.opened_early_because),
        ],
    )
    if fact.opened_early_because:
        late = next(item for item in items if item.position == FURNITURE)
        tick(late, user, done=True, today=opened + timedelta(days=7))
