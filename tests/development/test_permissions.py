"""Who may do what with a room's development, role by role, in the home room
and in a room the role has nothing to do with."""

import pytest

from tests.personas import ROLES, World

STAFF = {"board", "project_coach", "team_coordinator"}
READERS = STAFF | {"treasurer", "audit_committee", "accountant", "partner"}

# Who holds each permission on a record of the home room.
HOME = {
    "development.view_room": READERS | {"volunteer"},
    "development.view_learningplan": READERS | {"volunteer"},
    "development.view_training": READERS | {"volunteer"},
    "development.view_evaluation": READERS,
    "development.add_evaluation": STAFF,
    "development.change_evaluation": STAFF,
    "development.add_learningplan": STAFF,
    "development.change_learningplan": STAFF,
    "development.add_training": STAFF,
    "development.change_training": STAFF,
    "development.view_names": STAFF,
}
# In another room only the cooperative-wide roles hold anything.
ELSEWHERE = {
    "development.view_room": {"board", "treasurer", "audit_committee", "accountant"},
    "development.change_training": {"board"},
    "development.view_names": {"board"},
}


@pytest.mark.parametrize("permission", HOME)
def test_each_permission_in_the_home_room_is_held_by_the_right_roles(
    world: World, permission: str
) -> None:
    holders = {
        role for role in ROLES if world.users[role].has_perm(permission, world.room)
    }
    assert holders == HOME[permission]


@pytest.mark.parametrize("permission", ELSEWHERE)
def test_each_permission_in_another_room_is_held_by_the_cooperative_only(
    world: World, permission: str
) -> None:
    holders = {
        role
        for role in ROLES
        if world.users[role].has_perm(permission, world.other_room)
    }
    assert holders == ELSEWHERE[permission]


def test_the_index_is_for_everyone_with_a_room_or_the_books(world: World) -> None:
    holders = {
        role
        for role in [*ROLES, "nobody"]
        if world.users[role].has_perm("development.view_index")
    }
    assert holders == set(ROLES)
