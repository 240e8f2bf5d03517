"""Accountability's permissions and scope, in terms of the one policy.

Those who read the books read every report at every step; the room's coach and
coordinator read their room's and write its texts while it is a draft; partners
read only what is published, of their rooms, and a funder's report only when it
is theirs (DESIGN.md section 2). The steps of the route belong to one role each:
the room's coach or the board submits, the audit committee reviews, the
accountant approves, the board publishes."""

from typing import Any

import rules
from django.db.models import Q

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.core.registry import register_scope

from .constants import ReportStatus
from .models import AnnualReport, Finding


@rules.predicate
def is_draft(user: Any, report: AnnualReport) -> bool:
    return report.status == ReportStatus.DRAFT


@rules.predicate
def is_published(user: Any, report: AnnualReport) -> bool:
    return report.status == ReportStatus.PUBLISHED


@rules.predicate
def partner_reads(user: Any, report: AnnualReport) -> bool:
    roles = p.roles_of(user)
    if not roles.organisations:
        return False
    if report.room_id is None:
        return True
    return report.room_id in roles.partner_rooms and (
        report.funder_id is None or report.funder_id in roles.organisations
    )


@rules.predicate
def in_audit_committee(user: Any) -> bool:
    return Role.AUDIT_COMMITTEE in p.roles_of(user).cooperative


@rules.predicate
def names_readable(user: Any, record: Any) -> bool:
    """Who took a step is a named person: not for partners (DESIGN.md section 2)."""
    report = getattr(record, "report", record)
    roles = p.roles_of(user)
    return roles.reads_finance or report.room_id in roles.staff_rooms


staff = p.is_board | p.staff_of_room

PERMISSIONS = {
    "accountability.view_index": p.reads_finance | p.staff_anywhere | p.is_partner,
    "accountability.view_portal": p.is_partner,
    "accountability.view_overview": p.is_board | p.coach_anywhere,
    "accountability.view_names": names_readable,
    "accountability.view_report": p.reads_finance
    | p.staff_of_room
    | (is_published & partner_reads),
    "accountability.generate": p.finance_manager,
    "accountability.change_texts": staff & is_draft,
    "accountability.submit": p.is_board | p.coaches_room,
    "accountability.review": in_audit_committee,
    "accountability.approve": p.is_accountant,
    "accountability.publish": p.is_board,
    # The audit committee's workspace: every reader of the books follows it;
    # only the committee works in it.
    "accountability.view_audit": p.reads_finance,
    "accountability.change_audit": in_audit_committee,
}


def reports_q(user: Any) -> Q:
    roles = p.roles_of(user)
    if roles.reads_finance:
        return Q()
    published = Q(status=ReportStatus.PUBLISHED)
    partner = published & (
        Q(room__isnull=True)
        | Q(room__in=roles.partner_rooms)
        & (Q(funder__isnull=True) | Q(funder__in=roles.organisations))
    )
    if not roles.organisations:
        partner = Q(pk__in=[])
    return Q(room__in=roles.staff_rooms) | partner


def books_q(user: Any) -> Q:
    """The audit committee's work is for those who read the books."""
    return Q() if p.roles_of(user).reads_finance else Q(pk__in=[])


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(AnnualReport, reports_q)
    register_scope(Finding, books_q)
