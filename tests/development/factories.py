"""Factories of development records, with traits for the states that matter."""

import datetime

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.development.constants import Evaluator, TrainingStatus
from buurtwerkkamer.development.models import (
    Evaluation,
    FollowUp,
    LearningPlan,
    Training,
    TrainingParticipant,
)
from tests.factories import OrganisationFactory, PersonFactory, RoomFactory, UserFactory


class EvaluationFactory(DjangoModelFactory):
    class Meta:
        model = Evaluation

    room = factory.SubFactory(RoomFactory)
    theme = factory.Sequence(lambda n: f"Thema {n}")
    evaluator = Evaluator.THIRD_PARTY
    organisation = factory.SubFactory(OrganisationFactory)
    evaluator_name = "Drs. A. de Onderzoeker"
    held_on = datetime.date(2026, 6, 1)
    findings = "De kamer draait goed; vrijwilligers willen meer scholing."
    recommendations = "Plan een training gespreksvaardigheden."

    class Params:
        by_team = factory.Trait(evaluator=Evaluator.TEAM, organisation=None)


class FollowUpFactory(DjangoModelFactory):
    class Meta:
        model = FollowUp

    evaluation = factory.SubFactory(EvaluationFactory)
    action = factory.Sequence(lambda n: f"Actie {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = datetime.date(2026, 9, 1)


class LearningPlanFactory(DjangoModelFactory):
    class Meta:
        model = LearningPlan

    room = factory.SubFactory(RoomFactory)
    year = factory.Sequence(lambda n: 2000 + n % 27)
    lessons_learned = "Vaste gezichten achter de balie werken."
    results = "Twaalf vaste vrijwilligers."
    learning_goals = "Iedere vrijwilliger een EHBO-cursus."


class TrainingFactory(DjangoModelFactory):
    class Meta:
        model = Training

    room = factory.SubFactory(RoomFactory)
    title = factory.Sequence(lambda n: f"Training {n}")
    provider = "Buurtacademie"
    starts_on = datetime.date(2026, 5, 12)

    class Params:
        held = factory.Trait(status=TrainingStatus.HELD)


class TrainingParticipantFactory(DjangoModelFactory):
    class Meta:
        model = TrainingParticipant

    training = factory.SubFactory(TrainingFactory)
    person = factory.LazyAttribute(lambda o: PersonFactory(rooms=[o.training.room]))

    class Params:
        completed = factory.Trait(
            completed_on=factory.LazyAttribute(lambda o: o.training.last_day)
        )
