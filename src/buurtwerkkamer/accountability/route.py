"""The route of an annual report (DESIGN.md section 5): draft, submitted,
reviewed by the audit committee (sent back with remarks, or passed), approved
by the accountant with their statement, published. Each step checks that it
comes in order and who takes it, and is kept with who and when; approval keeps
the figures, freezes the room's year in finance and stores the PDF with its
SHA-256. A refused step changes nothing."""

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.brokering.constants import AgreementKind
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.services import store_checked, store_document
from buurtwerkkamer.finance.closing import freeze_year
from buurtwerkkamer.finance.models import FrozenYear
from buurtwerkkamer.rooms.models import Room

from .constants import MIN_REVIEWERS, Chapter, ReportStatus, StepKind
from .figures import compile_figures
from .models import AnnualReport, ReportStep
from .render import render_pdf

logger = logging.getLogger(__name__)


def _locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().get(pk=report.pk)


def _expect(report: AnnualReport, *statuses: str) -> None:
    if report.status not in statuses:
        raise ValidationError(
            _("This step does not fit a report that is %(status)s.")
            % {"status": report.get_status_display().lower()}
        )


def _step(
    report: AnnualReport, kind: str, user: Any, status: str, remarks: str = ""
) -> ReportStep:
    report.status = status
    report.save(update_fields=["status", "figures", "pdf", "statement", "updated_at"])
    step = ReportStep.objects.create(
        report=report, kind=kind, by=user, at=timezone.now(), remarks=remarks
    )
    logger.info("annual report %s: %s by user %s", report.uuid, kind, user.pk)
    return step


def rooms_to_report(year: int) -> list[Room]:
    """The rooms that owe a report for the year: those with an annual agreement
    or a budget for it."""
    return list(
        Room.objects.filter(
            Q(agreements__kind=AgreementKind.ANNUAL, agreements__year=year)
            | Q(budgets__year=year)
        )
        .distinct()
        .order_by("name")
    )


def open_report(
    year: int, room: Room | None = None, funder: Any = None
) -> tuple[AnnualReport, bool]:
    """The report of that room (or the cooperation) and funder for the year,
    made as a draft when there is none yet."""
    return AnnualReport.objects.get_or_create(room=room, funder=funder, year=year)


@transaction.atomic
def save_texts(report: AnnualReport, texts: dict[str, str]) -> AnnualReport:
    report = _locked(report)
    _expect(report, ReportStatus.DRAFT)
    report.texts = {
        chapter: texts.get(chapter, "").strip()
        for chapter in Chapter.values
        if texts.get(chapter, "").strip()
    }
    report.save(update_fields=["texts", "updated_at"])
    return report


@transaction.atomic
def submit(report: AnnualReport, user: Any) -> AnnualReport:
    report = _locked(report)
    _expect(report, ReportStatus.DRAFT)
    _step(report, StepKind.SUBMITTED, user, ReportStatus.SUBMITTED)
    return report


def _audit_committee() -> Any:
    """Members of the audit committee who are not on the board."""
    users = get_user_model()._default_manager
    return users.filter(grants__role=Role.AUDIT_COMMITTEE, is_active=True).exclude(
        grants__role=Role.BOARD
    )


def reviewer_choices() -> Any:
    return _audit_committee().distinct().order_by("name")


@transaction.atomic
def review(
    report: AnnualReport,
    user: Any,
    reviewers: Iterable[Any],
    *,
    passed: bool,
    remarks: str = "",
) -> AnnualReport:
    """The audit committee's review: passed, or sent back to draft with their
    remarks. At least two members who are not on the board review, the one who
    records it among them."""
    report = _locked(report)
    _expect(report, ReportStatus.SUBMITTED)
    members = {member.pk for member in reviewers}
    allowed = set(_audit_committee().values_list("pk", flat=True))
    if user.pk not in members:
        raise ValidationError(_("Record a review you took part in yourself."))
    if len(members & allowed) < MIN_REVIEWERS or not members <= allowed:
        raise ValidationError(
            _(
                "A review needs at least %(count)d members of the audit committee "
                "who are not on the board."
            )
            % {"count": MIN_REVIEWERS}
        )
    if not passed and not remarks.strip():
        raise ValidationError(_("Say what has to change before it comes back."))
    if passed:
        step = _step(report, StepKind.PASSED, user, ReportStatus.REVIEWED, remarks)
    else:
        step = _step(report, StepKind.SENT_BACK, user, ReportStatus.DRAFT, remarks)
    step.reviewers.set(members)
    return report


@transaction.atomic
def approve(
    report: AnnualReport, user: Any, statement: Any, today: date | None = None
) -> AnnualReport:
    """The accountant's approval with their statement: the figures are kept as
    they are now, the room's year is frozen in finance, and the PDF is made and
    stored with its SHA-256."""
    today = today or timezone.localdate()
    report = _locked(report)
    _expect(report, ReportStatus.REVIEWED)
    if statement is None:
        raise ValidationError(_("Attach your statement to approve the report."))
    if report.year >= today.year:
        raise ValidationError(_("A report is approved after its year has ended."))
    report.figures = compile_figures(report, today)
    room = report.room
    if room is not None:
        if not FrozenYear.objects.filter(room=room, year=report.year).exists():
            freeze_year(room, report.year, user, today=today)
    # The PDF says what it is: approved.
    report.status = ReportStatus.APPROVED
    report.statement = store_document(
        statement,
        title=_("Accountant's statement, %(report)s") % {"report": report},
        user=user,
        kind=DocumentKind.REPORT,
        room_id=room.pk if room else None,
    )
    report.pdf = store_pdf(report, user)
    _step(report, StepKind.APPROVED, user, ReportStatus.APPROVED)
    return report


def store_pdf(report: AnnualReport, user: Any) -> Any:
    data = render_pdf(report)
    return store_checked(
        data,
        content_type="application/pdf",
        name=f"jaarrapportage-{report.year}-{report.uuid}.pdf",
        title=str(report),
        user=user,
        kind=DocumentKind.REPORT,
        room_id=report.room_id,
    )


@transaction.atomic
def publish(report: AnnualReport, user: Any) -> AnnualReport:
    report = _locked(report)
    _expect(report, ReportStatus.APPROVED)
    _step(report, StepKind.PUBLISHED, user, ReportStatus.PUBLISHED)
    return report
