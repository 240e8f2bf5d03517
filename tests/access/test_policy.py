"""What each role may do, written out by hand so a policy change shows up here."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room
from tests.factories import FundingApplicationFactory, PersonFactory, UserFactory
from tests.personas import World

EVERYONE = {r.value for r in Role}


@pytest.mark.parametrize(
    ("permission", "allowed"),
    [
        ("rooms.view_room", EVERYONE),
        ("rooms.change_room", {"board", "project_coach"}),
        ("rooms.change_bank_account", {"board", "treasurer"}),
        ("startup.view_track", EVERYONE - {"partner"}),
        ("startup.advance_stage", {"board", "project_coach"}),
        ("startup.override_gate", {"board"}),
        ("startup.tick_checklist", {"board", "project_coach", "team_coordinator"}),
        ("brokering.add_agreement", {"board", "project_coach"}),
        (
            "brokering.view_fundingapplication",
            {
                "board",
                "treasurer",
                "audit_committee",
                "accountant",
                "project_coach",
                "team_coordinator",
            },
        ),
    ],
)
def test_room_permissions_per_role(
    world: World, permission: str, allowed: set[str]
) -> None:
    granted = {
        role for role in EVERYONE if world.users[role].has_perm(permission, world.room)
    }
    assert granted == allowed


def test_room_roles_reach_only_their_own_room(world: World) -> None:
    for role in ("project_coach", "team_coordinator", "volunteer", "partner"):
        visible = set(Room.objects.visible_to(world.users[role]))
        assert visible == {world.room}, role
    assert set(Room.objects.visible_to(world.users["nobody"])) == set()
    assert set(Room.objects.visible_to(world.users["accountant"])) == {
        world.room,
        world.other_room,
    }


def test_partner_users_see_no_people(world: World) -> None:
    PersonFactory(rooms=[world.room])
    assert not Person.objects.visible_to(world.users["partner"]).exists()
    assert Person.objects.visible_to(world.users["team_coordinator"]).count() == 1


def test_volunteers_see_no_funding_applications_of_their_room(world: World) -> None:
    application = FundingApplicationFactory(room=world.room)
    volunteer = world.users["volunteer"]
    assert not volunteer.has_perm("brokering.view_fundingapplication", application)


def test_a_room_role_needs_a_room(db: None) -> None:
    grant = Grant(user=UserFactory(), role=Role.VOLUNTEER)
    with pytest.raises(ValidationError):
        grant.full_clean()
    with pytest.raises(IntegrityError):
        grant.save()


def test_a_new_grant_takes_effect_for_a_user_already_asked(world: World) -> None:
    coach = world.users["project_coach"]
    assert not coach.has_perm("rooms.view_room", world.other_room)
    Grant.objects.create(user=coach, role=Role.PROJECT_COACH, room=world.other_room)
    assert coach.has_perm("rooms.view_room", world.other_room)
