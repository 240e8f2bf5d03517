"""Generating a year's reports as one job: a draft report for every room that
owes one, one per funder of its annual agreement, and the cooperation's, each
with its PDF made from today's data. Reports already approved keep theirs."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.core.jobs import Progress
from buurtwerkkamer.core.models import Job

from .figures import funders_of
from .models import AnnualReport
from .route import open_report, rooms_to_report, store_pdf

GENERATE = "accountability.generate"


def year_of(job: Job) -> int:
    try:
        return int(bytes(job.payload).decode())
    except ValueError as error:
        raise ValidationError(_("The year is not a number.")) from error


def generate_year(job: Job, progress: Progress) -> dict[str, Any]:
    year = year_of(job)
    reports: list[AnnualReport] = []
    for room in rooms_to_report(year):
        reports.append(open_report(year, room)[0])
        reports.extend(
            open_report(year, room, funder)[0] for funder in funders_of(room, year)
        )
    if not reports:
        raise ValidationError(
            _("No room has an annual agreement or a budget for %(year)s.")
            % {"year": year}
        )
    reports.append(open_report(year)[0])
    made = 0
    for done, report in enumerate(reports):
        progress(str(report), done, len(reports))
        if report.frozen:
            continue
        with transaction.atomic():
            report.pdf = store_pdf(report, job.user)
            report.save(update_fields=["pdf", "updated_at"])
        made += 1
    return {"year": year, "reports": len(reports), "made": made}
