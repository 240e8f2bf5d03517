"""Brokering's permissions and scopes, in terms of the one policy in `access`."""

from typing import Any

import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .constants import AgreementStatus
from .models import Agreement, FundingApplication


@rules.predicate
def party_to_agreement(user: Any, agreement: Any) -> bool:
    """A partner reads an agreement their organisation is party to, once it is out
    of draft; never the drafts of others."""
    organisations = p.roles_of(user).organisations
    if not organisations or agreement is None:
        return False
    return (
        agreement.status != AgreementStatus.DRAFT
        and agreement.parties.filter(organisation_id__in=organisations).exists()
    )


@rules.predicate
def out_of_draft(user: Any, obj: Any) -> bool:
    agreement = getattr(obj, "agreement", obj)
    return agreement is not None and agreement.status != AgreementStatus.DRAFT


staff = p.reads_all | p.staff_of_room

PERMISSIONS = {
    "brokering.view_overview": staff | p.partner_of_room | p.reads_finance,
    "brokering.list_agreements": staff | p.partner_of_room,
    "brokering.view_agreement": staff | party_to_agreement,
    "brokering.view_signatory": staff | p.own_organisation,
    "brokering.add_agreement": p.manage_room,
    "brokering.change_agreement": p.manage_room,
    "brokering.sign_agreement": p.manage_room | (p.own_organisation & out_of_draft),
    "brokering.copy_agreement": p.manage_room,
    "brokering.enter_obligation_value": p.manage_room | p.coordinates_room,
    "brokering.view_annual_overview": p.reads_all | p.reads_finance | p.coach_anywhere,
    "brokering.view_fundingapplication": p.reads_finance | p.staff_of_room,
    "brokering.add_fundingapplication": p.manage_room | p.is_treasurer,
    "brokering.change_fundingapplication": p.manage_room | p.is_treasurer,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(Agreement, p.rooms_q)
    register_scope(FundingApplication, p.rooms_q)
