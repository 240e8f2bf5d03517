"""Every list answers with the same number of queries for 30 records as for 3."""

import datetime
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buurtwerkkamer.brokering.models import PartnershipInvestment
from buurtwerkkamer.finance.models import Expense, FixedCost
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.startup.models import StageChange

from ..activities.factories import (
    ActivityFactory,
    SessionParticipantFactory,
    SessionVolunteerFactory,
)
from ..brokering.factories import ObligationValueFactory, PartnershipFactory
from ..development.factories import (
    FollowUpFactory,
    LearningPlanFactory,
    TrainingParticipantFactory,
)
from ..factories import (
    AgreementPartyFactory,
    BankTransactionFactory,
    BudgetLineFactory,
    ChecklistItemFactory,
    ContactPersonFactory,
    DocumentFactory,
    ExpenseFactory,
    FixedCostFactory,
    FundingApplicationFactory,
    LocationFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SepaBatchFactory,
    TalkFactory,
    TransferFactory,
)
from ..meetings.factories import ActionItemFactory, AttendeeFactory
from ..personas import World
from .conftest import ApiFor

Builder = Callable[[World], object]


def room_with_partner(world: World) -> object:
    RoomFactory().partners.add(world.partner_organisation)
    return None


def stage_change(world: World) -> object:
    return StageChange.objects.create(
        room=world.room,
        from_stage=Stage.EXPLORING,
        to_stage=Stage.INTENT_SIGNED,
        changed_by=world.users["board"],
    )


def done_step(world: World) -> object:
    return ChecklistItemFactory(
        room=world.room,
        done_on=datetime.date(2026, 11, 1),
        done_by=world.users["team_coordinator"],
    )


def budget(world: World) -> object:
    room = RoomFactory()
    line = BudgetLineFactory(
        budget__room=room,
        category="rent",
        funding_source=FundingApplicationFactory(room=room),
    )
    return BudgetLineFactory(budget=line.budget, category="petty_cash")


def correcting_cost(world: World) -> object:
    """Each new cost corrects the one before: one record per call, with the
    corrections the list shows both ways."""
    latest = FixedCost.objects.filter(corrections__isnull=True).last()
    return FixedCostFactory(
        room=world.room, correction_of=latest, document=DocumentFactory()
    )


def checked_refund(world: World) -> object:
    """A refund of the first expense, checked; the first is an expense itself."""
    first = Expense.objects.order_by("pk").first()
    return ExpenseFactory(
        room=world.room,
        refund_of=first,
        receipt=DocumentFactory(),
        checked_by=world.users["treasurer"],
    )


def matched_row(world: World) -> object:
    transfer = TransferFactory(room=world.room, batch=SepaBatchFactory())
    return BankTransactionFactory(
        statement__room=world.room,
        transfer=transfer,
        matched_by=world.users["treasurer"],
    )


def agreement_with_results(world: World) -> object:
    """An annual agreement with a party, an entered obligation and its value,
    and a partnership with an investment, each in a room of its own."""
    value = ObligationValueFactory(obligation__agreement__room=RoomFactory())
    AgreementPartyFactory(agreement=value.obligation.agreement)
    party = AgreementPartyFactory(agreement=PartnershipFactory(room=RoomFactory()))
    return PartnershipInvestment.objects.create(party=party, year=2026, in_kind="Zaal")


def attended_session(world: World) -> object:
    present = SessionVolunteerFactory(session__activity__room=world.room)
    return SessionParticipantFactory(session=present.session)


BUILDERS: dict[str, Builder] = {
    "activity": lambda world: ActivityFactory(room=world.room),
    "session": attended_session,
    "organisation": lambda world: OrganisationFactory(),
    "contact": lambda world: ContactPersonFactory(),
    "room": room_with_partner,
    "person": lambda world: PersonFactory(rooms=[world.room, world.other_room]),
    "agreement": lambda world: AgreementPartyFactory(agreement__room=world.room),
    "resultobligation": agreement_with_results,
    "fundingapplication": lambda world: FundingApplicationFactory(room=world.room),
    "evaluation": lambda world: FollowUpFactory(
        evaluation__room=world.room, evaluation__report=DocumentFactory()
    ),
    "learningplan": lambda world: LearningPlanFactory(room=RoomFactory()),
    "training": lambda world: TrainingParticipantFactory(
        training__room=world.room, completed=True
    ),
    "talk": lambda world: TalkFactory(room=world.room),
    "location": lambda world: LocationFactory(
        room=world.room, landlord=world.partner_organisation
    ),
    "checklistitem": done_step,
    "stagechange": stage_change,
    "budget": budget,
    "fixedcost": correcting_cost,
    "transfer": lambda world: TransferFactory(
        room=world.room, batch=SepaBatchFactory()
    ),
    "expense": checked_refund,
    "banktransaction": matched_row,
    "meeting": lambda world: AttendeeFactory(
        meeting=ActionItemFactory(meeting__room=world.room).meeting
    ),
}


def build(world: World, basename: str, count: int) -> None:
    for _index in range(count):
        BUILDERS[basename](world)


@pytest.mark.parametrize("basename", BUILDERS)
def test_a_list_of_30_records_takes_the_queries_of_a_list_of_3(
    basename: str,
    world: World,
    api_for: ApiFor,
    django_assert_max_num_queries: Callable,
) -> None:
    url = reverse(f"api:{basename}-list")
    client = api_for("board")
    build(world, basename, 3)
    with CaptureQueriesContext(connection) as small:
        small_count = client.get(url).json()["count"]
    build(world, basename, 27)

    with django_assert_max_num_queries(len(small)):
        large_count = client.get(url).json()["count"]

    assert large_count - small_count == 27
