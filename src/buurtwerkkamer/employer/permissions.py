"""Employer's permissions and scopes, in terms of the one policy in `access`.

The board is the employer: it hires paid staff and manages every contract. The
treasurer pays salaries, fees and allowances: it reads every contract but the
placements, which are case files. The room's team coordinator and project coach
see the contracts of the people serving their room, manage its placements and
volunteers, and see a colleague's salary or fee never."""

from typing import Any

import rules
from django.db.models import Q

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.core.registry import register_scope

from .constants import PLACEMENT_KINDS, STAFF_KINDS
from .models import (
    Applicant,
    ConductCertificate,
    Contract,
    ContractEvaluation,
    Interview,
    StaffVacancy,
    VolunteerAllowance,
    VolunteerTask,
)


@rules.predicate
def serves_staff_room(user: Any, contract: Any) -> bool:
    return bool(contract.room_ids & p.roles_of(user).staff_rooms)


@rules.predicate
def staff_contract(user: Any, contract: Any) -> bool:
    return contract.kind in STAFF_KINDS


@rules.predicate
def placement_contract(user: Any, contract: Any) -> bool:
    return contract.kind in PLACEMENT_KINDS


@rules.predicate
def reads_room_volunteers(user: Any) -> bool:
    roles = p.roles_of(user)
    return bool(roles.cooperative & {Role.BOARD, Role.TREASURER} or roles.staff_rooms)


volunteer_editor = p.is_board | p.staff_of_room

PERMISSIONS = {
    "employer.view_index": p.is_board | p.is_treasurer | p.staff_anywhere,
    "employer.view_contract": p.is_board
    | (p.is_treasurer & ~placement_contract)
    | serves_staff_room,
    "employer.view_pay": p.is_board
    | (p.is_treasurer & ~placement_contract)
    | (serves_staff_room & ~staff_contract),
    "employer.add_contract": p.is_board,
    "employer.change_contract": p.is_board | (serves_staff_room & ~staff_contract),
    "employer.view_recruitment": p.is_board,
    "employer.change_recruitment": p.is_board,
    "employer.view_volunteers": p.is_board | p.is_treasurer | p.staff_of_room,
    "employer.change_volunteers": volunteer_editor,
    "employer.pay_allowance": volunteer_editor | p.is_treasurer,
}


def contracts_q(user: Any, path: str = "") -> Q:
    """Contracts the user may see: all for the board; all but placements for
    the treasurer; those serving their rooms for a room's staff."""
    roles = p.roles_of(user)
    if Role.BOARD in roles.cooperative:
        return Q()
    served = Contract.rooms.through.objects.filter(room_id__in=roles.staff_rooms)
    scope = Q(**{f"{path}pk__in": served.values("contract_id")})
    if Role.TREASURER in roles.cooperative:
        scope |= ~Q(**{f"{path}kind__in": PLACEMENT_KINDS})
    return scope


def board_only(user: Any) -> Q:
    return Q() if Role.BOARD in p.roles_of(user).cooperative else Q(pk__in=[])


def volunteers_q(user: Any) -> Q:
    roles = p.roles_of(user)
    if roles.cooperative & {Role.BOARD, Role.TREASURER}:
        return Q()
    return Q(room__in=roles.staff_rooms)


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(Contract, contracts_q)
    register_scope(ContractEvaluation, lambda user: contracts_q(user, "contract__"))
    register_scope(StaffVacancy, board_only)
    register_scope(Applicant, board_only)
    register_scope(Interview, board_only)
    register_scope(VolunteerTask, volunteers_q)
    register_scope(ConductCertificate, volunteers_q)
    register_scope(VolunteerAllowance, volunteers_q)
