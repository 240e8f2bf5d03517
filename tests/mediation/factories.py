"""Factories of mediation cases, sessions and exclusions."""

import datetime

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.mediation.models import Exclusion, MediationCase, MediationSession
from tests.factories import PersonFactory, RoomFactory, UserFactory

DAY = datetime.date(2026, 11, 20)


class MediationCaseFactory(DjangoModelFactory):
    class Meta:
        model = MediationCase
        skip_postgeneration_save = True

    room = factory.SubFactory(RoomFactory)
    title = factory.Sequence(lambda n: f"Onenigheid in de keuken {n}")
    opened_on = DAY
    what_happened = "Ruzie over het schoonmaakrooster."
    opened_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def parties(
        obj: MediationCase, create: bool, extracted: object, **kw: object
    ) -> None:
        if create:
            people = extracted or [PersonFactory(rooms=[obj.room]) for _ in range(2)]
            obj.parties.set(people)  # type: ignore[arg-type]


class MediationSessionFactory(DjangoModelFactory):
    class Meta:
        model = MediationSession

    case = factory.SubFactory(MediationCaseFactory)
    held_on = DAY
    agreed = "We spreken elkaar volgende week weer."
    recorded_by = factory.SubFactory(UserFactory)


class ExclusionFactory(DjangoModelFactory):
    class Meta:
        model = Exclusion

    room = factory.SubFactory(RoomFactory)
    person = factory.LazyAttribute(lambda o: PersonFactory(rooms=[o.room]))
    starts_on = DAY
    ends_on = DAY + datetime.timedelta(days=13)
    reason = "Herhaaldelijk agressief gedrag."
    decided_by = factory.SubFactory(UserFactory)
