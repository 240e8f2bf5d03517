"""Rooms: made through the rooms service, and their bank account shown only to
those who manage the room or its money."""

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from ..personas import World
from .conftest import ApiFor

BANK_FIELDS = ("bank_iban", "bank_holder")


def room_seen_by(api_for: ApiFor, role: str, room: Room) -> dict:
    url = reverse("api:room-detail", kwargs={"slug": room.slug})
    return api_for(role).get(url).json()


@pytest.mark.parametrize("role", ["board", "treasurer", "project_coach"])
def test_the_bank_account_is_shown_to_who_manages_the_room_or_its_money(
    role: str, world: World, api_for: ApiFor
) -> None:
    body = room_seen_by(api_for, role, world.room)

    assert (body["bank_iban"], body["bank_holder"]) == (
        world.room.bank_iban,
        world.room.bank_holder,
    )


@pytest.mark.parametrize(
    "role", ["team_coordinator", "volunteer", "partner", "audit_committee"]
)
def test_the_bank_account_is_left_out_for_everyone_else(
    role: str, world: World, api_for: ApiFor
) -> None:
    body = room_seen_by(api_for, role, world.room)

    assert body["slug"] == world.room.slug
    assert [field for field in BANK_FIELDS if field in body] == []


def test_the_room_list_leaves_the_bank_account_out_for_a_partner(
    world: World, api_for: ApiFor
) -> None:
    rows = api_for("partner").get(reverse("api:room-list")).json()["results"]

    assert [(row["slug"], "bank_iban" in row) for row in rows] == [
        (world.room.slug, False)
    ]


def test_a_new_room_starts_exploring_from_today(world: World, api_for: ApiFor) -> None:
    payload = {
        "name": "Kamer Nieuw",
        "slug": "nieuw",
        "neighbourhood": "Kanaleneiland",
        "municipality": "Utrecht",
    }

    response = api_for("board").post(reverse("api:room-list"), payload, format="json")

    room = Room.objects.get(slug="nieuw")
    today = timezone.localdate()
    assert response.status_code == 201
    assert (room.stage, room.stage_since) == (Stage.EXPLORING, today)
    assert response.json()["stage_since"] == today.isoformat()
