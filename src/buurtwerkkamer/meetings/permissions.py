"""Who sees and runs which meetings, in terms of the one policy in `access`.

The room's team coordinator and project coach run its meetings; the board runs
everything. Coaching sessions are between coach and coordinator: only they and
the board see them. Volunteers see the room's other meetings; partner users only
the annual partner meetings of rooms their organisation is party to.
"""

from typing import Any

import rules
from django.db.models import Q

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.core.registry import register_scope

from .constants import MeetingKind
from .models import ActionItem, Meeting

COACHING = MeetingKind.COACHING


def may_see(roles: p.Roles, meeting: Any) -> bool:
    """The scope of `meeting_scope` asked of one meeting; a test holds the two to
    the same."""
    if Role.BOARD in roles.cooperative:
        return True
    room, kind = meeting.room_id, meeting.kind
    if room is None:
        return roles.reads_all or bool(roles.staff_rooms)
    if room in roles.staff_rooms:
        return True
    if kind == COACHING:
        return False
    return (
        roles.reads_all
        or room in roles.rooms_as(Role.VOLUNTEER)
        or (kind == MeetingKind.PARTNER and room in roles.partner_rooms)
    )


def meeting_scope(user: Any, path: str = "") -> Q:
    """The meetings a user may see at all, as a filter; `path` leads to the
    meeting from a related record."""
    roles = p.roles_of(user)
    if Role.BOARD in roles.cooperative:
        return Q()

    def field(name: str) -> str:
        return f"{path}{name}"

    not_coaching = ~Q(**{field("kind"): COACHING})
    seen = Q(**{field("room__in"): roles.staff_rooms})
    if roles.reads_all or roles.staff_rooms:
        seen |= Q(**{field("room__isnull"): True})
    if roles.reads_all:
        seen |= Q(**{field("room__isnull"): False}) & not_coaching
    seen |= Q(**{field("room__in"): roles.rooms_as(Role.VOLUNTEER)}) & not_coaching
    seen |= Q(
        **{field("room__in"): roles.partner_rooms, field("kind"): MeetingKind.PARTNER}
    )
    return seen


def action_scope(user: Any) -> Q:
    """An action item is seen with its meeting, and always by its owner."""
    return meeting_scope(user, "meeting__") | Q(owner=user)


@rules.predicate
def sees_meeting(user: Any, meeting: Any) -> bool:
    return meeting is not None and may_see(p.roles_of(user), meeting)


def manages(user: Any, meeting: Any) -> bool:
    roles = p.roles_of(user)
    if Role.BOARD in roles.cooperative:
        return True
    if meeting.room_id is None:
        return bool(roles.rooms_as(Role.PROJECT_COACH))
    return meeting.room_id in roles.staff_rooms


@rules.predicate
def manages_meeting(user: Any, meeting: Any) -> bool:
    return meeting is not None and manages(user, meeting)


@rules.predicate
def manages_meeting_of(user: Any, action: Any) -> bool:
    return action is not None and manages(user, action.meeting)


@rules.predicate
def owns_action(user: Any, action: Any) -> bool:
    return action is not None and action.owner_id == user.pk


@rules.predicate
def names_shown(user: Any, meeting: Any) -> bool:
    """Names of the people at a meeting are for the cooperative and the room's own
    team, never for partner users (who see their own contact persons only)."""
    if meeting is None:
        return False
    roles = p.roles_of(user)
    if roles.reads_all or Role.BOARD in roles.cooperative:
        return True
    if meeting.room_id is None:
        return bool(roles.staff_rooms)
    return meeting.room_id in roles.rooms


PERMISSIONS = {
    "meetings.list_all": p.reads_all | p.coach_anywhere,
    "meetings.list_meetings": p.reads_all | p.member_of_room | p.partner_of_room,
    "meetings.add_meeting": p.is_board | p.staff_of_room,
    "meetings.add_cooperative_meeting": p.is_board | p.coach_anywhere,
    "meetings.view_meeting": sees_meeting,
    "meetings.view_names": sees_meeting & names_shown,
    "meetings.change_meeting": manages_meeting,
    "meetings.close_action": owns_action | manages_meeting_of,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(Meeting, meeting_scope)
    register_scope(ActionItem, action_scope)
