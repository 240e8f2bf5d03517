"""Brokering's permissions and scopes, in terms of the one policy in `access`."""

import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .models import Agreement, FundingApplication

PERMISSIONS = {
    "brokering.view_agreement": p.view_room,
    "brokering.add_agreement": p.manage_room,
    "brokering.change_agreement": p.manage_room,
    "brokering.sign_agreement": p.manage_room | p.own_organisation,
    "brokering.view_fundingapplication": p.reads_all | p.staff_of_room,
    "brokering.add_fundingapplication": p.manage_room | p.is_treasurer,
    "brokering.change_fundingapplication": p.manage_room | p.is_treasurer,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(Agreement, p.rooms_q)
    register_scope(FundingApplication, p.rooms_q)
