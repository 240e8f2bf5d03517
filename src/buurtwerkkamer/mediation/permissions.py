"""Mediation's permissions and scopes, in terms of the one policy in `access`.

Cases, their sessions and exclusions are case files (DESIGN.md section 2): the
room's team coordinator, its project coach and the board, every read logged.
The room's team, volunteers included, sees only who is excluded until when,
so that nobody records an excluded person by mistake."""

from typing import Any

import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .models import Exclusion, MediationCase, MediationSession


@rules.predicate
def in_a_room(user: Any) -> bool:
    return bool(p.roles_of(user).rooms)


PERMISSIONS = {
    "mediation.view_index": p.is_board | in_a_room,
    "mediation.view_room": p.is_board | p.member_of_room,
    "mediation.view_exclusions_list": p.is_board | p.member_of_room,
    "mediation.view_case": p.reads_case_files,
    "mediation.change_case": p.reads_case_files,
    "mediation.view_exclusion": p.reads_case_files,
    "mediation.change_exclusion": p.reads_case_files,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(MediationCase, p.case_files_q)
    register_scope(MediationSession, lambda user: p.case_files_q(user, "case__room"))
    register_scope(Exclusion, p.case_files_q)
