"""The board's and coaches' overview across rooms: per room what needs their
eye, in the same number of queries for few rooms and for many."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buurtwerkkamer.rooms.constants import Stage
from tests.factories import (
    BudgetFactory,
    BudgetLineFactory,
    ExpenseFactory,
    RoomFactory,
)
from tests.mediation.factories import MediationCaseFactory
from tests.personas import World
from tests.placements.factories import SignalFactory


def test_the_board_sees_each_rooms_budget_use_and_open_cases(
    client, world: World
) -> None:
    today = date.today()
    budget = BudgetFactory(room=world.room, year=today.year)
    BudgetLineFactory(budget=budget, amount=Decimal("1000.00"))
    ExpenseFactory(room=world.room, spent_on=today, amount=Decimal("250.00"))
    MediationCaseFactory(room=world.room)
    SignalFactory(placement__candidate__room=world.room)
    client.force_login(world.users["board"])

    response = client.get(reverse("accountability:overview"))

    row = next(row for row in response.context["rows"] if row.room == world.room)
    assert row.budget_used == 25
    assert row.open_cases == 1
    assert row.open_signals == 1


def test_a_coach_sees_their_rooms_only_and_a_volunteer_not_at_all(
    client, world: World
) -> None:
    client.force_login(world.users["project_coach"])
    coach = client.get(reverse("accountability:overview"))
    client.force_login(world.users["volunteer"])
    volunteer = client.get(reverse("accountability:overview"))

    assert [row.room for row in coach.context["rows"]] == [world.room]
    assert volunteer.status_code == 403


def test_the_overview_answers_in_the_same_queries_for_many_rooms(
    client, world: World
) -> None:
    client.force_login(world.users["board"])
    client.get(reverse("accountability:overview"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("accountability:overview"))
    for _number in range(6):
        room = RoomFactory(stage=Stage.OPERATIONAL)
        MediationCaseFactory(room=room)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("accountability:overview"))

    assert len(many) == len(few)
