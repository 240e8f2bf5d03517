"""Activities' permissions and scopes, in terms of the one policy in `access`.

The room's members see its activities and schedule; the team coordinator runs
them; the coordinator and the room's volunteers record sessions. Who was there by
name is for the room's staff and the cooperative's board and treasurer."""

from typing import Any

import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.core.registry import register_scope

from .models import Activity, Session


@rules.predicate
def volunteers_in_room(user: Any, obj: Any) -> bool:
    room_id = p.room_id_of(obj)
    return room_id is not None and Role.VOLUNTEER in p.roles_of(user).rooms.get(
        room_id, set()
    )


@rules.predicate
def recorded_it(user: Any, session: Any) -> bool:
    return getattr(session, "recorded_by_id", None) == user.pk


readers = p.reads_finance | p.member_of_room

PERMISSIONS = {
    # Asked of a room: its activities, schedule and figures.
    "activities.view_activities": readers,
    "activities.view_activity": readers,
    # The figures across rooms: each sees the rooms they may (a coach their own).
    "activities.view_overview": p.reads_finance | p.coach_anywhere,
    "activities.view_people": p.reads_all | p.staff_of_room,
    "activities.add_activity": p.coordinates_room | p.is_board,
    "activities.change_activity": p.coordinates_room | p.is_board,
    "activities.record_session": p.coordinates_room | volunteers_in_room,
    # A mistake is put right by the coordinator, or by the volunteer who made it.
    "activities.change_session": p.coordinates_room
    | (volunteers_in_room & recorded_it),
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(Activity, p.rooms_q)
    register_scope(Session, p.rooms_q)
