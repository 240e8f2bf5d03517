"""The demo's meetings, made through the meetings services as the team would: a
monthly team meeting per operational room with minutes and action items, an
annual partner meeting per room to which everyone involved was invited, and the
coaching of the coordinator the coach works with. Some action items are done,
some still open and one is overdue, so each owner's dashboard has something."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.meetings.constants import MeetingKind
from buurtwerkkamer.meetings.models import Meeting
from buurtwerkkamer.meetings.services import (
    add_action_item,
    complete_action_item,
    invite,
    invite_everyone,
    plan_meeting,
    record_minutes,
)
from buurtwerkkamer.people.constants import MemberKind
from buurtwerkkamer.rooms.models import Room

from .context import Demo, add_months
from .facts import RoomFact
from .facts.people import KE, LOGINS, ON, OV
from .facts.rooms import OPERATIONAL_ROOMS

MONTHS = 6
# Team meetings fall on the first Wednesday of the month, in the evening.
WEDNESDAY = 2
# The most recent team meeting of this room waits for its minutes: the
# coordinator's inbox shows it.
MINUTES_PENDING = KE
COACHED = {ON: "coach"}
MONTH_NAMES = (
    "januari februari maart april mei juni juli augustus september oktober "
    "november december"
).split()
TEAM_ACTIONS = (
    "Rooster vrijwilligers voor de komende maand rondsturen",
    "Boodschappenlijst kookclub bijwerken",
    "Nieuwe vrijwilligers uitnodigen voor een kennismaking",
    "Afspraak maken over de verwarming met de verhuurder",
    "Flyers voor de formulierenbrigade laten drukken",
    "Sleutelbeheer op papier zetten",
)
PARTNER_AGO = {OV: 75, KE: 50, ON: 35}


def build_meetings(demo: Demo) -> None:
    for fact in OPERATIONAL_ROOMS:
        room = demo.rooms[fact.slug]
        # Fixed seeds: the same demo every time, not secrets.
        rng = random.Random(sum(map(ord, fact.slug)))  # noqa: S311
        _team_meetings(demo, fact, room, rng)
        _partner_meeting(demo, fact, room, rng)
    _coaching(demo)
    _work_meeting(demo)


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def first_wednesday(month: date) -> date:
    return month + timedelta(days=(WEDNESDAY - month.weekday()) % 7)


def _month_name(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def _coordinator(demo: Demo, slug: str) -> User:
    key = next(
        login.key
        for login in LOGINS
        if login.role == Role.TEAM_COORDINATOR and slug in login.rooms
    )
    return demo.users[key]


def _owners(demo: Demo, slug: str) -> list[User]:
    """Who takes on the actions of a room's meetings, in turn: the coordinator,
    the coach or the room's volunteer login where there is one, and the board."""
    owners = [_coordinator(demo, slug)]
    owners += [demo.users[COACHED[slug]]] if slug in COACHED else []
    owners += [demo.users["vrijwilliger"]] if slug == OV else []
    return [*owners, demo.users["bestuur"]]


def _place(fact: RoomFact) -> str:
    return f"{fact.name}, {fact.address.street} {fact.address.house_number}"


def _team_meetings(demo: Demo, fact: RoomFact, room: Room, rng: random.Random) -> None:
    coordinator = _coordinator(demo, fact.slug)
    owners = _owners(demo, fact.slug)
    this_month = demo.today.replace(day=1)
    opened = demo.day(fact.opened_ago or 0)
    days = [first_wednesday(add_months(this_month, -k)) for k in range(MONTHS, -1, -1)]
    held = [day for day in days if opened <= day < demo.today]
    for number, day in enumerate(held):
        meeting = _team_meeting(demo, fact, room, coordinator, day)
        if fact.slug == MINUTES_PENDING and day == held[-1]:
            continue
        _minutes(demo, meeting, coordinator, rng, _team_minutes(number))
        owner = owners[number % len(owners)]
        what = TEAM_ACTIONS[(number + len(fact.slug)) % len(TEAM_ACTIONS)]
        _action(demo, meeting, coordinator, what, owner, days=14)
    upcoming = first_wednesday(add_months(this_month, 1))
    _team_meeting(demo, fact, room, coordinator, upcoming)


def _team_meeting(
    demo: Demo, fact: RoomFact, room: Room, coordinator: User, day: date
) -> Meeting:
    meeting = plan_meeting(
        coordinator,
        room=room,
        kind=MeetingKind.TEAM,
        title=f"Teamoverleg {_month_name(day)}",
        starts_at=at(day, 19),
        ends_at=at(day, 21),
        place=_place(fact),
        agenda="Opening\nTerugblik op de maand\nRooster\nActiepunten\nRondvraag",
    )
    volunteers = room.people.filter(
        memberships__kind=MemberKind.VOLUNTEER, memberships__left_on__isnull=True
    ).exclude(user__isnull=False)
    users = User.objects.filter(grants__room=room).distinct()
    invite(meeting, coordinator, people=volunteers, users=users)
    return meeting


def _team_minutes(number: int) -> tuple[str, list[str]]:
    text = (
        "Terugblik: de activiteiten liepen goed, de kookclub zat vol. "
        "Het rooster voor de komende weken is rond; twee vrijwilligers "
        "zijn een week op vakantie."
    )
    decisions = ["De koffieochtend blijft op vrijdag."] if number % 3 == 0 else []
    return text, decisions


def _minutes(
    demo: Demo,
    meeting: Meeting,
    user: User,
    rng: random.Random,
    content: tuple[str, list[str]],
) -> None:
    attendees = list(meeting.attendees.order_by("pk"))
    # Most of those invited come; staff always do.
    present = [a for a in attendees if a.user_id or rng.random() < 0.75]
    text, decisions = content
    record_minutes(
        meeting,
        user,
        minutes=text,
        present=present,
        decisions=decisions,
        now=at(demo.today, 9),
    )


def _action(
    demo: Demo,
    meeting: Meeting,
    user: User,
    what: str,
    owner: User,
    *,
    days: int,
    overdue: bool = False,
) -> None:
    """An action due `days` after the meeting: done a few days early once that
    day has passed, unless it is the one that is left overdue."""
    due = meeting.day + timedelta(days=days)
    item = add_action_item(meeting, user, what=what, owner=owner, due_on=due)
    if due < demo.today and not overdue:
        done_on = max(meeting.day, due - timedelta(days=3))
        complete_action_item(item, owner, done_on=done_on, today=demo.today)


def _partner_meeting(
    demo: Demo, fact: RoomFact, room: Room, rng: random.Random
) -> None:
    coordinator = _coordinator(demo, fact.slug)
    day = demo.day(PARTNER_AGO[fact.slug])
    meeting = plan_meeting(
        coordinator,
        room=room,
        kind=MeetingKind.PARTNER,
        title=f"Jaarlijks partneroverleg {room.name} {day.year}",
        starts_at=at(day, 15),
        ends_at=at(day, 17),
        place=_place(fact),
        agenda=(
            "Terugblik op het jaar\nResultaten tegen de afspraken\n"
            "Plannen voor volgend jaar\nWat vragen we van elkaar?"
        ),
    )
    invite_everyone(meeting, coordinator, demo.day(PARTNER_AGO[fact.slug] + 21))
    text = (
        "De partners kijken terug op een goed jaar: meer bezoekers dan "
        "afgesproken, een vaste groep vrijwilligers. De gemeente wil de "
        "formulierenbrigade uitbreiden; de corporatie denkt mee over meer ruimte."
    )
    decisions = [
        "De jaarafspraak voor volgend jaar wordt voor 1 november opgesteld.",
        "De formulierenbrigade komt er een ochtend bij.",
    ]
    _minutes(demo, meeting, coordinator, rng, (text, decisions))
    owners = _owners(demo, fact.slug)
    _action(
        demo,
        meeting,
        coordinator,
        "Verslag van het partneroverleg naar alle partners sturen",
        coordinator,
        days=7,
        # The coordinator of the oldest room has let this one slip.
        overdue=fact.slug == OV,
    )
    _action(
        demo,
        meeting,
        coordinator,
        "Concept jaarafspraak volgend jaar opstellen",
        owners[1],
        days=PARTNER_AGO[fact.slug] + 30,
    )


def _coaching(demo: Demo) -> None:
    coach = demo.users["coach"]
    for slug in COACHED:
        room = demo.rooms[slug]
        coordinator = _coordinator(demo, slug)
        held = demo.day(20)
        meeting = plan_meeting(
            coach,
            room=room,
            kind=MeetingKind.COACHING,
            title="Coachingsgesprek teamcoördinator",
            starts_at=at(held, 11),
            ends_at=at(held, 12),
            agenda="Hoe gaat het?\nDoelen van het jaar\nVrijwilligersbeleid",
        )
        text = (
            "Het gaat goed met het team. Aandachtspunt: taken beter verdelen, "
            "zodat niet alles op de coördinator neerkomt."
        )
        record_minutes(
            meeting,
            coach,
            minutes=text,
            present=meeting.attendees.all(),
            decisions=["Elke vrijwilliger krijgt een vaste taak."],
            now=at(demo.today, 9),
        )
        _action(
            demo,
            meeting,
            coach,
            "Takenlijst voor de vrijwilligers maken",
            coordinator,
            days=30,
        )
        later = demo.day(-22)
        plan_meeting(
            coach,
            room=room,
            kind=MeetingKind.COACHING,
            title="Coachingsgesprek teamcoördinator",
            starts_at=at(later, 11),
            ends_at=at(later, 12),
        )


def _work_meeting(demo: Demo) -> None:
    board = demo.users["bestuur"]
    day = demo.day(-12)
    meeting = plan_meeting(
        board,
        room=None,
        kind=MeetingKind.WORK,
        title="Werkoverleg: lessen van dit jaar",
        starts_at=at(day, 14),
        ends_at=at(day, 16),
        place="Kantoor van de coöperatie",
        agenda="Wat werkt in de kamers?\nWat leren we van elkaar?",
    )
    coordinators = [_coordinator(demo, fact.slug) for fact in OPERATIONAL_ROOMS]
    invite(meeting, board, users=[*coordinators, demo.users["coach"]])
