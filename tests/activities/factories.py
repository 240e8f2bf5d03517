"""Factories for activities and their sessions."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.activities.constants import ActivityKind
from buurtwerkkamer.activities.models import (
    Activity,
    Session,
    SessionParticipant,
    SessionVolunteer,
)
from tests.factories import PersonFactory, RoomFactory, UserFactory


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    room = factory.SubFactory(RoomFactory)
    name = factory.Sequence(lambda n: f"Kookclub {n}")
    kind = ActivityKind.COOKING_CLUB
    schedule = "dinsdag 10:00-12:00"
    active_from = datetime.date(2025, 1, 1)

    class Params:
        course = factory.Trait(
            kind=ActivityKind.LANGUAGE_CLASS, needs_participants=True
        )
        ended = factory.Trait(active_until=datetime.date(2025, 12, 31))


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    room = factory.SelfAttribute("activity.room")
    held_on = factory.Sequence(
        lambda n: datetime.date(2026, 1, 5) + datetime.timedelta(days=n)
    )
    visitors = 12
    recorded_by = factory.SubFactory(UserFactory)


class SessionVolunteerFactory(DjangoModelFactory):
    class Meta:
        model = SessionVolunteer

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    hours = Decimal("2.00")


class SessionParticipantFactory(DjangoModelFactory):
    class Meta:
        model = SessionParticipant

    session = factory.SubFactory(SessionFactory, activity__course=True)
    person = factory.SubFactory(PersonFactory)
