"""Factories of meetings, with traits for the states that matter."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from buurtwerkkamer.meetings.constants import MeetingKind, MeetingStatus
from buurtwerkkamer.meetings.models import ActionItem, Attendee, Decision, Meeting
from tests.factories import RoomFactory, UserFactory

DAY = datetime.date(2026, 11, 20)


def at(day: datetime.date, hour: int = 19) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    room = factory.SubFactory(RoomFactory)
    kind = MeetingKind.TEAM
    title = factory.Sequence(lambda n: f"Teamoverleg {n}")
    starts_at = factory.LazyFunction(lambda: at(DAY))
    planned_by = factory.SubFactory(UserFactory)

    class Params:
        partner = factory.Trait(kind=MeetingKind.PARTNER, title="Partneroverleg")
        coaching = factory.Trait(kind=MeetingKind.COACHING, title="Coaching")
        held = factory.Trait(
            status=MeetingStatus.HELD,
            minutes="Besproken: de planning.",
            minutes_by=factory.SelfAttribute("planned_by"),
        )


class AttendeeFactory(DjangoModelFactory):
    class Meta:
        model = Attendee

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)


class DecisionFactory(DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = "We gaan door."


class ActionItemFactory(DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    what = factory.Sequence(lambda n: f"Actie {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = DAY + datetime.timedelta(days=14)
