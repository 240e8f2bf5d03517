"""The team in the demo, per operational room, made through the teamwork
services: house rules in two versions (the second in effect from today), a
breach under the first, agreements with and coaching of team members with a
follow-up to come, yearly goals set with the coach and notes on their progress,
and a contact log with the room's partners. Relative to the demo's today."""

from datetime import date

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.teamwork import services
from buurtwerkkamer.teamwork.constants import AgreementKind
from buurtwerkkamer.teamwork.models import (
    Breach,
    HouseRules,
    PartnerContact,
    WorkAgreement,
    YearlyGoal,
)

from .context import Demo
from .development import staff_of
from .facts.rooms import OPERATIONAL_ROOMS

FIRST_RULES = (
    "1. We groeten elkaar en praten met respect, ook als we het oneens zijn.\n"
    "2. Binnen wordt niet gerookt; buiten bij de achterdeur mag het.\n"
    "3. Wie de keuken gebruikt, ruimt hem ook op.\n"
    "4. Wat je hier hoort over buren, blijft hier."
)
SECOND_RULES = (
    FIRST_RULES + "\n5. Telefoons op stil tijdens de taalles en het spreekuur.\n"
    "6. Kinderen zijn welkom onder toezicht van een volwassene."
)
GOALS = (
    (
        "Elke week een vaste groep van twintig bezoekers op de ochtenden",
        "Telling van bezoekers per bijeenkomst, per kwartaal besproken met de coach.",
        "Na de zomer gemiddeld zeventien bezoekers per ochtend.",
    ),
    (
        "Twee nieuwe vrijwilligers ingewerkt in duo's",
        "Het aantal nieuwe vrijwilligers dat na drie maanden nog actief is.",
        "Eén nieuwe vrijwilliger draait mee aan de balie.",
    ),
)


def build_teamwork(demo: Demo) -> None:
    for fact in OPERATIONAL_ROOMS:
        room = demo.rooms[fact.slug]
        staff = staff_of(demo, fact)
        people = list(room.people.order_by("last_name", "first_name"))
        opened = demo.day(fact.opened_ago or 0)
        _house_rules(demo, room, staff, people, opened)
        _agreements(demo, room, staff, people)
        _goals(demo, room, staff)
        _contacts(demo, room, staff, list(room.partners.order_by("name")[:2]))


def _house_rules(
    demo: Demo, room: Room, staff: User, people: list[Person], opened: date
) -> None:
    for text, day in ((FIRST_RULES, opened), (SECOND_RULES, demo.today)):
        version = HouseRules(room=room, text=text, effective_from=day, written_by=staff)
        services.save_house_rules(version, today=demo.today)
    breach = Breach(
        room=room,
        person=people[-1],
        occurred_on=demo.day(30),
        what="Rookte binnen in de keuken, na een eerdere waarschuwing.",
        action_taken="Gesprek gevoerd; de afspraak over roken nog eens uitgelegd.",
        recorded_by=staff,
    )
    services.save_breach(breach, today=demo.today)


def _agreements(demo: Demo, room: Room, staff: User, people: list[Person]) -> None:
    made = (
        (AgreementKind.AGREEMENT, "Vaste baliedienst", "Elke dinsdagochtend.", 40, 10),
        (
            AgreementKind.COACHING,
            "Inwerken nieuwe vrijwilligers",
            "Maandelijks.",
            20,
            -5,
        ),
    )
    for index, (kind, subject, agreed, ago, follow_in) in enumerate(made):
        agreement = WorkAgreement(
            room=room,
            person=people[index % len(people)],
            kind=kind,
            agreed_on=demo.day(ago),
            subject=subject,
            agreed=agreed,
            follow_up_on=demo.day(-follow_in),
            recorded_by=staff,
        )
        services.save_work_agreement(agreement, today=demo.today)


def _goals(demo: Demo, room: Room, staff: User) -> None:
    for goal_text, measure, progress in GOALS:
        goal = YearlyGoal(
            room=room,
            year=demo.today.year,
            goal=goal_text,
            measure=measure,
            set_by=staff,
        )
        services.save_goal(goal, today=demo.today)
        written = max(date(demo.today.year, 1, 1), demo.day(20))
        services.add_goal_note(
            goal, note=progress, written_on=written, user=staff, today=demo.today
        )


def _contacts(
    demo: Demo, room: Room, staff: User, partners: list[Organisation]
) -> None:
    for index, organisation in enumerate(partners):
        contact = PartnerContact(
            room=room,
            organisation=organisation,
            contacted_on=demo.day(12 + 20 * index),
            contact_person="Wijkcoördinator" if index == 0 else "Opbouwwerker",
            subject="Samen een buurtmaaltijd organiseren",
            notes="Zij leveren de zaal, wij de vrijwilligers.",
            follow_up="Datum vastleggen" if index == 0 else "",
            follow_up_on=demo.day(-7) if index == 0 else None,
            recorded_by=staff,
        )
        services.save_partner_contact(contact, today=demo.today)
