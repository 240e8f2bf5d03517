"""Factories of the team's records."""

import datetime

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.teamwork.models import (
    Breach,
    GoalNote,
    HouseRules,
    PartnerContact,
    WorkAgreement,
    YearlyGoal,
)
from tests.factories import OrganisationFactory, PersonFactory, RoomFactory, UserFactory

DAY = datetime.date(2026, 11, 20)


class HouseRulesFactory(DjangoModelFactory):
    class Meta:
        model = HouseRules

    room = factory.SubFactory(RoomFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "We groeten elkaar. We ruimen samen op."
    effective_from = factory.Sequence(
        lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
    )
    written_by = factory.SubFactory(UserFactory)


class BreachFactory(DjangoModelFactory):
    class Meta:
        model = Breach

    room = factory.SubFactory(RoomFactory)
    person = factory.LazyAttribute(lambda o: PersonFactory(rooms=[o.room]))
    occurred_on = DAY
    what = "Schreeuwde tegen een bezoeker."
    action_taken = "Gesprek gevoerd."
    recorded_by = factory.SubFactory(UserFactory)


class WorkAgreementFactory(DjangoModelFactory):
    class Meta:
        model = WorkAgreement

    room = factory.SubFactory(RoomFactory)
    person = factory.LazyAttribute(lambda o: PersonFactory(rooms=[o.room]))
    agreed_on = DAY
    subject = factory.Sequence(lambda n: f"Afspraak {n}")
    agreed = "Vaste dag aan de balie."
    follow_up_on = DAY + datetime.timedelta(days=30)
    recorded_by = factory.SubFactory(UserFactory)


class YearlyGoalFactory(DjangoModelFactory):
    class Meta:
        model = YearlyGoal

    room = factory.SubFactory(RoomFactory)
    year = 2026
    goal = factory.Sequence(lambda n: f"Doel {n}")
    measure = "Telling per kwartaal."
    set_by = factory.SubFactory(UserFactory)


class GoalNoteFactory(DjangoModelFactory):
    class Meta:
        model = GoalNote

    goal = factory.SubFactory(YearlyGoalFactory)
    written_on = DAY
    note = "Op schema."
    written_by = factory.SubFactory(UserFactory)


class PartnerContactFactory(DjangoModelFactory):
    class Meta:
        model = PartnerContact

    room = factory.SubFactory(RoomFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    contacted_on = DAY
    contact_person = "Wijkagent"
    subject = factory.Sequence(lambda n: f"Overleg {n}")
    follow_up = "Terugbellen"
    follow_up_on = DAY + datetime.timedelta(days=7)
    recorded_by = factory.SubFactory(UserFactory)
