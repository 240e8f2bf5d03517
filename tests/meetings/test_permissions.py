"""Who sees which meeting, per role; the scope and the policy agree."""

import pytest

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.meetings.models import Meeting
from buurtwerkkamer.meetings.permissions import may_see
from tests.personas import ROLES, World

from .factories import MeetingFactory

SEES = {
    # role: (team, partner, coaching, cooperative-wide)
    "board": (True, True, True, True),
    "treasurer": (True, True, False, True),
    "project_coach": (True, True, True, True),
    "team_coordinator": (True, True, True, True),
    "volunteer": (True, True, False, False),
    "partner": (False, True, False, False),
    "audit_committee": (False, False, False, False),
    "accountant": (False, False, False, False),
    "nobody": (False, False, False, False),
}


def meetings(world: World) -> list[Meeting]:
    return [
        MeetingFactory(room=world.room),
        MeetingFactory(room=world.room, partner=True),
        MeetingFactory(room=world.room, coaching=True),
        MeetingFactory(room=None, kind="work"),
    ]


@pytest.mark.parametrize("role", [*ROLES, "nobody"])
def test_each_role_sees_the_meetings_its_part_allows(world: World, role: str) -> None:
    user = world.users[role]
    seen = tuple(user.has_perm("meetings.view_meeting", m) for m in meetings(world))
    assert seen == SEES[role]


@pytest.mark.parametrize("role", [*ROLES, "nobody"])
def test_the_scope_lists_exactly_what_the_policy_allows(
    world: World, role: str
) -> None:
    all_kinds = meetings(world) + [MeetingFactory(room=world.other_room, partner=True)]
    user = world.users[role]
    listed = set(Meeting.objects.visible_to(user))
    assert listed == {m for m in all_kinds if may_see(roles_of(user), m)}


@pytest.mark.parametrize(
    ("role", "runs"),
    [
        ("board", True),
        ("project_coach", True),
        ("team_coordinator", True),
        ("volunteer", False),
        ("partner", False),
        ("treasurer", False),
    ],
)
def test_the_coordinator_coach_and_board_run_the_rooms_meetings(
    world: World, role: str, runs: bool
) -> None:
    meeting = MeetingFactory(room=world.room, partner=True)
    assert world.users[role].has_perm("meetings.change_meeting", meeting) is runs


def test_a_partner_never_sees_the_names_at_a_meeting(world: World) -> None:
    meeting = MeetingFactory(room=world.room, partner=True)
    assert not world.users["partner"].has_perm("meetings.view_names", meeting)
    assert world.users["volunteer"].has_perm("meetings.view_names", meeting)


def test_a_partner_sees_no_partner_meeting_of_a_room_not_theirs(
    world: World,
) -> None:
    meeting = MeetingFactory(room=world.other_room, partner=True)
    assert not world.users["partner"].has_perm("meetings.view_meeting", meeting)
