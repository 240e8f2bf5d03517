"""Teamwork's permissions and scopes, in terms of the one policy in `access`.

House rules are for everyone who works in the room, volunteers included, and
for the cooperative's readers; the room's staff and the board write them.
Breaches are case files (`reads_case_files`, logged reads). Agreements with and
coaching of team members, and the contact log with partners, concern named
people: the room's staff and the board only. Yearly goals are read by the
cooperative too. Partner users see none of it."""

from typing import Any

import rules
from django.db.models import Q

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .models import Breach, HouseRules, PartnerContact, WorkAgreement, YearlyGoal


@rules.predicate
def in_a_room(user: Any) -> bool:
    return bool(p.roles_of(user).rooms)


def team_q(user: Any) -> Q:
    """The board sees all; the coordinator and coach their own rooms: the same
    circle as case files, for records about named team members."""
    return p.case_files_q(user)


team = p.is_board | p.staff_of_room
rules_reader = p.reads_all | p.member_of_room

PERMISSIONS = {
    "teamwork.view_index": p.reads_all | in_a_room,
    "teamwork.view_room": rules_reader,
    "teamwork.view_rules": rules_reader,
    "teamwork.change_rules": team,
    "teamwork.view_breach": p.reads_case_files,
    "teamwork.change_breach": p.reads_case_files,
    "teamwork.view_agreement": team,
    "teamwork.change_agreement": team,
    "teamwork.view_goals": p.reads_all | p.staff_of_room,
    "teamwork.change_goals": team,
    "teamwork.view_contacts": team,
    "teamwork.change_contacts": team,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(HouseRules, p.rooms_q)
    register_scope(Breach, p.case_files_q)
    register_scope(WorkAgreement, team_q)
    register_scope(YearlyGoal, p.rooms_q)
    register_scope(PartnerContact, team_q)
