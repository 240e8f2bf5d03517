"""When each step of a year's reports is due, on the dashboard and in the
reminder mail of whoever takes that step: the team submits, the committee
reviews, the accountant approves, the board publishes, each by a day of the
following year (settings.BWK_ANNUAL_REPORT_DUE). Past that day it shows as late."""

from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtwerkkamer.core.registry import Deadline

from .constants import ReportStatus
from .models import AnnualReport

# The step each status waits for, and who may take it.
NEXT_STEP = {
    ReportStatus.DRAFT: ("accountability.submit", gettext_lazy("submit")),
    ReportStatus.SUBMITTED: ("accountability.review", gettext_lazy("review")),
    ReportStatus.REVIEWED: ("accountability.approve", gettext_lazy("approve")),
    ReportStatus.APPROVED: ("accountability.publish", gettext_lazy("publish")),
}
LIMIT = 50


def due_on(report: AnnualReport) -> date:
    month, day = settings.BWK_ANNUAL_REPORT_DUE[report.status]
    return date(report.year + 1, month, day)


def report_steps(user: Any, today: date) -> list[Deadline]:
    """The reports waiting for a step this user takes."""
    if not getattr(user, "is_authenticated", False):
        return []
    waiting = (
        AnnualReport.objects.visible_to(user)
        .exclude(status=ReportStatus.PUBLISHED)
        .filter(year__lt=today.year)
        .select_related("room", "funder")
        .order_by("year", "pk")[:LIMIT]
    )
    found = []
    for report in waiting:
        permission, step = NEXT_STEP[ReportStatus(report.status)]
        if not user.has_perm(permission, report):
            continue
        found.append(
            Deadline(
                due=due_on(report),
                title=_("%(report)s: %(step)s") % {"report": report, "step": step},
                url=report.get_absolute_url(),
                room=report.room.name if report.room else "",
                kind="report",
            )
        )
    return found
