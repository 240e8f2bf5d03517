import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from buurtwerkkamer.people.models import Membership, Person
from buurtwerkkamer.people.services import register_member, update_membership
from tests.factories import MembershipFactory, PersonFactory
from tests.personas import World


def test_editing_a_person_keeps_the_rooms_the_editor_cannot_see(
    client, world: World
) -> None:
    person = PersonFactory(rooms=[world.room, world.other_room])
    client.force_login(world.users["team_coordinator"])
    response = client.post(
        reverse("people:edit", kwargs={"person": person.uuid}),
        {"first_name": "Fatima", "last_name": "El Amrani", "rooms": [world.room.pk]},
    )
    assert response.status_code == 302
    assert set(person.rooms.all()) == {world.room, world.other_room}


def test_a_coordinator_enters_a_person_in_one_of_their_rooms(
    client, world: World
) -> None:
    client.force_login(world.users["team_coordinator"])
    refused = client.post(
        reverse("people:create"), {"first_name": "Jan", "last_name": "Zonder Kamer"}
    )
    assert refused.status_code == 400
    assert not Person.objects.filter(last_name="Zonder Kamer").exists()
    accepted = client.post(
        reverse("people:create"),
        {"first_name": "Jan", "last_name": "Met Kamer", "rooms": [world.room.pk]},
    )
    assert accepted.status_code == 302
    assert client.get(accepted["Location"]).status_code == 200


def test_members_get_the_next_free_number(world: World) -> None:
    MembershipFactory(number=41)
    person = PersonFactory()
    first = register_member(
        person, kind="volunteer", joined_on=datetime.date(2026, 1, 5)
    )
    second = register_member(
        person, kind="employee", joined_on=datetime.date(2026, 2, 1)
    )
    assert (first.number, second.number) == (42, 43)


def test_a_member_cannot_leave_before_joining(world: World) -> None:
    membership = MembershipFactory(joined_on=datetime.date(2026, 5, 1))
    with pytest.raises(ValidationError):
        update_membership(membership, left_on=datetime.date(2026, 4, 1))
    membership.refresh_from_db()
    assert membership.left_on is None


def test_the_treasurer_records_that_a_member_left(client, world: World) -> None:
    membership = MembershipFactory(joined_on=datetime.date(2024, 1, 1))
    client.force_login(world.users["treasurer"])
    response = client.post(
        reverse("people:membership_edit", kwargs={"membership": membership.uuid}),
        {"kind": membership.kind, "joined_on": "2024-01-01", "left_on": "2026-11-30"},
    )
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).left_on == datetime.date(
        2026, 11, 30
    )
