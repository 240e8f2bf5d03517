import pytest
from django.urls import reverse

from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from tests.factories import PASSWORD, RoomFactory
from tests.personas import World


def test_the_board_creates_a_room_that_starts_exploring(client, world: World) -> None:
    client.force_login(world.users["board"])
    response = client.post(
        reverse("rooms:create"),
        {
            "name": "Kamer Noord",
            "slug": "noord",
            "neighbourhood": "Noord",
            "municipality": "Utrecht",
            "postcode": "3561aa",
        },
    )
    assert response.status_code == 302
    room = Room.objects.get(slug="noord")
    assert room.stage == Stage.EXPLORING
    assert room.postcode == "3561 AA"
    assert room.stage_since is not None


def test_changing_the_business_account_asks_for_the_password(
    client, world: World
) -> None:
    client.force_login(world.users["treasurer"])
    url = reverse("rooms:bank_account", kwargs={"room": world.room.slug})
    data = {"bank_iban": "NL44RABO0123456789", "bank_holder": "T. Leider"}
    refused = client.post(url, {**data, "password": "niet-goed"})
    assert refused.status_code == 400
    world.room.refresh_from_db()
    assert world.room.bank_iban == "NL91ABNA0417164300"
    accepted = client.post(url, {**data, "password": PASSWORD})
    assert accepted.status_code == 302
    world.room.refresh_from_db()
    assert (world.room.bank_iban, world.room.bank_holder) == (
        "NL44RABO0123456789",
        "T. Leider",
    )


def test_an_invalid_business_iban_is_refused(client, world: World) -> None:
    client.force_login(world.users["board"])
    url = reverse("rooms:bank_account", kwargs={"room": world.room.slug})
    response = client.post(
        url,
        {"bank_iban": "NL00RABO0123456789", "bank_holder": "X", "password": PASSWORD},
    )
    assert response.status_code == 400
    assert "bank_iban" in response.context["form"].errors


@pytest.mark.parametrize("count", [3, 30])
def test_the_room_list_takes_the_same_queries_whatever_the_number_of_rooms(
    client, world: World, django_assert_max_num_queries, count: int
) -> None:
    RoomFactory.create_batch(count)
    client.force_login(world.users["board"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("rooms:list"))
    assert response.status_code == 200


def test_the_board_pauses_and_reopens_an_operational_room(client, world: World) -> None:
    client.force_login(world.users["board"])
    url = reverse("rooms:operating_stage", kwargs={"room": world.room.slug})
    assert client.post(url, {"stage": "paused"}).status_code == 302
    world.room.refresh_from_db()
    assert world.room.stage == Stage.PAUSED
    client.post(url, {"stage": "operational"})
    world.room.refresh_from_db()
    assert world.room.stage == Stage.OPERATIONAL


def test_a_room_in_start_up_cannot_skip_its_gates_by_reopening(
    client, world: World
) -> None:
    world.room.stage = Stage.EXPLORING
    world.room.save()
    client.force_login(world.users["board"])
    url = reverse("rooms:operating_stage", kwargs={"room": world.room.slug})
    assert client.post(url, {"stage": "operational"}).status_code == 400
    world.room.refresh_from_db()
    assert world.room.stage == Stage.EXPLORING
