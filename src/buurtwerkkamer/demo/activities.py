"""What happens in the demo's rooms: a handful of activities per operational room
and their sessions of the last year up to yesterday, recorded through the
activities services as a volunteer would, with visitors and volunteer hours that
vary from week to week."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.activities.constants import ActivityKind
from buurtwerkkamer.activities.models import Activity
from buurtwerkkamer.activities.services import create_activity, record_session
from buurtwerkkamer.people.constants import MemberKind
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .context import Demo
from .facts.people import LOGINS, OV
from .facts.rooms import OPERATIONAL_ROOMS


@dataclass(frozen=True)
class ActivityFact:
    name: str
    kind: ActivityKind
    weekday: int  # Monday 0
    schedule: str
    visitors: tuple[int, int]  # the usual range
    description: str = ""
    course: bool = False


COOKING = ActivityFact(
    "Kookclub",
    ActivityKind.COOKING_CLUB,
    1,
    "dinsdag 17:00-20:00",
    (12, 26),
    "Samen koken en eten voor drie euro.",
)
FORMS = ActivityFact(
    "Formulierenbrigade",
    ActivityKind.FORMS_BRIGADE,
    3,
    "donderdag 10:00-12:00",
    (5, 14),
    "Hulp bij toeslagen, brieven en aanvragen.",
)
COMPUTER = ActivityFact(
    "Computerbrigade",
    ActivityKind.COMPUTER_BRIGADE,
    2,
    "woensdag 13:30-15:30",
    (4, 10),
)
SEWING = ActivityFact(
    "Naaiatelier", ActivityKind.SEWING, 4, "vrijdag 10:00-12:30", (6, 12)
)
LANGUAGE = ActivityFact(
    "Taalles Nederlands",
    ActivityKind.LANGUAGE_CLASS,
    0,
    "maandag 10:00-11:30",
    (0, 0),
    "Een cursus in blokken; de deelnemers staan op naam.",
    course=True,
)
HANDYMAN = ActivityFact(
    "Klusteam", ActivityKind.HANDYMAN_TEAM, 5, "zaterdag 10:00-13:00", (3, 8)
)
COFFEE = ActivityFact(
    "Koffieochtend", ActivityKind.OTHER, 4, "vrijdag 9:30-11:30", (8, 20)
)

ACTIVITIES = {
    "overvecht": (COOKING, FORMS, COMPUTER, SEWING, LANGUAGE),
    "kanaleneiland": (COOKING, FORMS, HANDYMAN, LANGUAGE),
    "ondiep": (FORMS, COMPUTER, COFFEE),
}
# The volunteer's own login records the sessions of their room; elsewhere the
# team coordinator does.
RECORDED_BY = {OV: "vrijwilliger"}
YEAR = 365


def build_activities(demo: Demo) -> None:
    for fact in OPERATIONAL_ROOMS:
        room = demo.rooms[fact.slug]
        days = min(YEAR, fact.opened_ago or 0)
        started = demo.day(days)
        for number, activity_fact in enumerate(ACTIVITIES.get(fact.slug, ())):
            seed = sum(map(ord, fact.slug)) * 10 + number
            # Fixed seeds: the same demo every time, not secrets.
            rng = random.Random(seed)  # noqa: S311
            _activity(demo, room, activity_fact, started, rng)


def _activity(
    demo: Demo, room: Room, fact: ActivityFact, started: date, rng: random.Random
) -> None:
    volunteers = list(_people(room, MemberKind.VOLUNTEER))
    participants = list(_people(room, MemberKind.PARTICIPANT))
    activity = create_activity(
        room,
        name=fact.name,
        kind=fact.kind,
        description=fact.description,
        schedule=fact.schedule,
        leader=volunteers[0] if volunteers else None,
        active_from=started,
        needs_participants=fact.course,
    )
    user = demo.users[RECORDED_BY.get(room.slug) or _coordinator(room.slug)]
    yesterday = demo.day(1)
    day = started + timedelta(days=(fact.weekday - started.weekday()) % 7)
    while day <= yesterday:
        # About one week in ten nothing happens: holidays, a closed room.
        if rng.random() >= 0.1:
            _session(activity, user, day, fact, volunteers, participants, rng, demo)
        day += timedelta(days=7)


def _session(
    activity: Activity,
    user: object,
    day: date,
    fact: ActivityFact,
    volunteers: list[Person],
    participants: list[Person],
    rng: random.Random,
    demo: Demo,
) -> None:
    hours = activity.usual_hours
    present = rng.sample(volunteers, k=min(len(volunteers), rng.randint(1, 3)))
    taking_part = (
        rng.sample(participants, k=min(len(participants), rng.randint(1, 3)))
        if fact.course
        else []
    )
    low, high = fact.visitors
    record_session(
        activity,
        user,
        held_on=day,
        visitors=rng.randint(low, high) if high else len(taking_part),
        # The one who opens up comes half an hour early.
        volunteers={
            person: hours + (Decimal("0.50") if index == 0 else Decimal(0))
            for index, person in enumerate(present)
        },
        participants=taking_part,
        today=demo.today,
    )


def _people(room: Room, kind: MemberKind) -> list[Person]:
    """The room's people of that kind who are members now, in a fixed order."""
    return list(
        room.people.filter(
            memberships__kind=kind, memberships__left_on__isnull=True
        ).order_by("last_name", "first_name")
    )


def _coordinator(slug: str) -> str:
    return next(
        login.key
        for login in LOGINS
        if login.role == Role.TEAM_COORDINATOR and slug in login.rooms
    )
