"""Mediation in the demo, in Overvecht, made through the mediation services: a
case between two volunteers that ended in an agreement after two sessions, and
a case between two residents that ended in a temporary exclusion, running from
today, which the team sees on the room's mediation page."""

from datetime import timedelta

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.mediation import services
from buurtwerkkamer.mediation.constants import Outcome
from buurtwerkkamer.mediation.models import Exclusion, MediationCase
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .context import Demo
from .development import staff_of
from .facts.rooms import OVERVECHT

# The people are the demo's own, all fictional.
AGREED = (("Gerda", "Pronk"), ("Mustafa", "Aydin"))
EXCLUDED = (("Wendy", "Kok"), ("Sevda", "Kaya"))


def build_mediation(demo: Demo) -> None:
    room = demo.rooms[OVERVECHT.slug]
    staff = staff_of(demo, OVERVECHT)
    _ended_in_agreement(demo, room, staff)
    _ended_in_exclusion(demo, room, staff)


def _person(room: Room, first: str, last: str) -> Person:
    return room.people.get(first_name=first, last_name=last)


def _open(
    demo: Demo, room: Room, staff: User, names: tuple, title: str, ago: int, what: str
) -> tuple[MediationCase, list[Person]]:
    parties = [_person(room, first, last) for first, last in names]
    case = MediationCase(
        room=room, title=title, opened_on=demo.day(ago), what_happened=what
    )
    case.opened_by = staff
    services.save_case(case, parties, today=demo.today)
    return case, parties


def _session(
    demo: Demo, case: MediationCase, parties: list, staff: User, ago: int, agreed: str
) -> None:
    services.record_session(
        case,
        held_on=demo.day(ago),
        present=parties,
        others_present="Teamcoördinator (bemiddelaar)",
        agreed=agreed,
        user=staff,
        today=demo.today,
    )


def _ended_in_agreement(demo: Demo, room: Room, staff: User) -> None:
    case, parties = _open(
        demo,
        room,
        staff,
        AGREED,
        "Onenigheid over de taakverdeling in de kookclub",
        60,
        "Twee vrijwilligers van de kookclub verweten elkaar dat de ander de "
        "afwas liet staan; het liep op tot een ruzie waar bezoekers bij waren.",
    )
    _session(
        demo,
        case,
        parties,
        staff,
        55,
        "Ieder vertelt zijn kant; een week lang houden beiden bij wie wat doet.",
    )
    _session(
        demo,
        case,
        parties,
        staff,
        45,
        "Een vast rooster voor de afwas; over een maand kijken we samen hoe het gaat.",
    )
    services.close_case(
        case,
        outcome=Outcome.AGREEMENT,
        outcome_notes="Beiden blijven in de kookclub; het rooster werkt.",
        closed_on=demo.day(15),
        today=demo.today,
    )


def _ended_in_exclusion(demo: Demo, room: Room, staff: User) -> None:
    case, parties = _open(
        demo,
        room,
        staff,
        EXCLUDED,
        "Herhaalde conflicten tijdens het spreekuur",
        25,
        "Tijdens het spreekuur werd een bezoeker meermaals uitgescholden; "
        "een eerdere waarschuwing hielp niet.",
    )
    _session(
        demo,
        case,
        parties,
        staff,
        18,
        "Afspraak: geen scheldwoorden meer; "
        "bij een volgend incident volgt een time-out.",
    )
    _session(
        demo,
        case,
        parties[:1],
        staff,
        3,
        "Na een nieuw incident een "
        "tijdelijke time-out van drie weken; daarna een gesprek over terugkeer.",
    )
    exclusion = Exclusion(
        room=room,
        person=parties[0],
        starts_on=demo.today,
        ends_on=demo.today + timedelta(days=20),
        reason="Herhaald uitschelden van bezoekers, na een waarschuwing en "
        "een afspraak in de bemiddeling.",
        case=case,
    )
    exclusion.decided_by = staff
    services.decide_exclusion(exclusion, today=demo.today)
    services.close_case(
        case,
        outcome=Outcome.EXCLUSION,
        outcome_notes="Na de time-out een gesprek over terugkeer; zij blijft welkom.",
        closed_on=demo.today,
        today=demo.today,
    )
