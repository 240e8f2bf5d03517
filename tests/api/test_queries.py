"""Every list answers with the same number of queries for 30 records as for 3."""

import datetime
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.startup.models import StageChange

from ..factories import (
    AgreementPartyFactory,
    ChecklistItemFactory,
    ContactPersonFactory,
    FundingApplicationFactory,
    LocationFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    TalkFactory,
)
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


BUILDERS: dict[str, Builder] = {
    "organisation": lambda world: OrganisationFactory(),
    "contact": lambda world: ContactPersonFactory(),
    "room": room_with_partner,
    "person": lambda world: PersonFactory(rooms=[world.room, world.other_room]),
    "agreement": lambda world: AgreementPartyFactory(agreement__room=world.room),
    "fundingapplication": lambda world: FundingApplicationFactory(room=world.room),
    "talk": lambda world: TalkFactory(room=world.room),
    "location": lambda world: LocationFactory(
        room=world.room, landlord=world.partner_organisation
    ),
    "checklistitem": done_step,
    "stagechange": stage_change,
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
