"""Placements' permissions and scopes. Candidates, placements and signals are
case files: only the board and the room's team coordinator and project coach
see them (access.policy.reads_case_files, case_files_q), and nobody else, not
the treasurer nor a partner. Vacancies name nobody: the room's readers see them."""

from typing import Any

import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .models import (
    Candidate,
    Placement,
    PlacementVacancy,
    SelectionInterview,
    Signal,
    SignalContact,
)


@rules.predicate
def acts_anywhere(user: Any) -> bool:
    return bool(p.roles_of(user).staff_rooms)


PERMISSIONS = {
    "placements.view_index": p.is_board | acts_anywhere,
    "placements.view_room": p.reads_case_files,
    "placements.change_vacancy": p.reads_case_files,
    "placements.view_case": p.reads_case_files,
    "placements.change_case": p.reads_case_files,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(PlacementVacancy, p.rooms_q)
    register_scope(Candidate, p.case_files_q)
    register_scope(Placement, p.case_files_q)
    register_scope(Signal, lambda user: p.case_files_q(user, "placement__room"))
    register_scope(
        SelectionInterview, lambda user: p.case_files_q(user, "candidate__room")
    )
    register_scope(
        SignalContact, lambda user: p.case_files_q(user, "signal__placement__room")
    )
