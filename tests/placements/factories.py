"""Factories of placement records: candidates in the states that matter, a
running placement with its contract, signals open or resolved."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.partners.constants import OrganisationKind
from buurtwerkkamer.placements.constants import (
    CandidateStatus,
    PlacementKind,
    Seriousness,
)
from buurtwerkkamer.placements.models import (
    Candidate,
    Placement,
    PlacementVacancy,
    SelectionInterview,
    Signal,
    SignalContact,
)
from tests.employer.factories import ContractFactory
from tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
)


class AgencyFactory(OrganisationFactory):
    kind = OrganisationKind.BENEFITS_AGENCY


class PlacementVacancyFactory(DjangoModelFactory):
    class Meta:
        model = PlacementVacancy

    room = factory.SubFactory(RoomFactory)
    kind = PlacementKind.PARTICIPATION
    title = factory.Sequence(lambda n: f"Gastvrouw {n}")
    hours_per_week = Decimal("16.0")
    opened_on = datetime.date(2026, 1, 1)


class CandidateFactory(DjangoModelFactory):
    class Meta:
        model = Candidate

    room = factory.SubFactory(RoomFactory)
    person = factory.SubFactory(PersonFactory)
    referred_by = factory.SubFactory(AgencyFactory)
    referral_contact = factory.SubFactory(
        ContactPersonFactory, organisation=factory.SelfAttribute("..referred_by")
    )
    registered_on = datetime.date(2026, 2, 1)

    class Params:
        interviewed = factory.Trait(intake_on=datetime.date(2026, 2, 10))
        accepted = factory.Trait(
            intake_on=datetime.date(2026, 2, 10), status=CandidateStatus.ACCEPTED
        )
        walk_in = factory.Trait(referred_by=None, referral_contact=None)


class SelectionInterviewFactory(DjangoModelFactory):
    class Meta:
        model = SelectionInterview

    candidate = factory.SubFactory(CandidateFactory, interviewed=True)
    held_on = datetime.date(2026, 2, 20)
    notes = "Gemotiveerd, wil graag in de keuken werken."
    decision = CandidateStatus.ACCEPTED


class PlacementFactory(DjangoModelFactory):
    candidate = factory.SubFactory(
        CandidateFactory, accepted=True, status=CandidateStatus.PLACED
    )
    room = factory.SelfAttribute("candidate.room")
    kind = PlacementKind.PARTICIPATION
    contract = factory.SubFactory(
        ContractFactory,
        participation=True,
        person=factory.SelfAttribute("..candidate.person"),
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2027, 2, 28),
    )
    started_on = datetime.date(2026, 3, 1)

    class Meta:
        model = Placement
        skip_postgeneration_save = True

    @factory.post_generation
    def served(obj: Placement, create: bool, extracted: object, **kw: object) -> None:
        """The contract serves the placement's room, and only that."""
        if create:
            obj.contract.rooms.set([obj.room])


class SignalFactory(DjangoModelFactory):
    class Meta:
        model = Signal

    placement = factory.SubFactory(PlacementFactory)
    raised_on = datetime.date(2026, 4, 1)
    description = "Komt vaak te laat."
    seriousness = Seriousness.MEDIUM
    follow_up_on = datetime.date(2026, 4, 15)

    class Params:
        resolved = factory.Trait(
            resolved_on=datetime.date(2026, 4, 20), resolution="Afspraken gemaakt."
        )


class SignalContactFactory(DjangoModelFactory):
    class Meta:
        model = SignalContact

    signal = factory.SubFactory(SignalFactory)
    contacted_on = datetime.date(2026, 4, 5)
    contact = factory.SubFactory(
        ContactPersonFactory,
        organisation=factory.SelfAttribute("..signal.placement.candidate.referred_by"),
    )
    summary = "Klantmanager spreekt de deelnemer aan."
