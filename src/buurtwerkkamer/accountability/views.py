"""Annual reports: the year's list, a report with its route and history, the
team's texts, the steps of the route, and the PDF."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.core.exports import XLSX
from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.core.jobs import start_job
from buurtwerkkamer.rooms.models import Room

from . import route
from .audit import (
    add_finding,
    audit_of,
    draw_sample,
    follow_up,
    record_count,
    save_advice,
)
from .constants import ReportStatus
from .forms import (
    AdviceForm,
    ApproveForm,
    CountForm,
    FindingForm,
    FollowUpForm,
    ReviewForm,
    TextsForm,
    YearForm,
)
from .jobs import GENERATE
from .models import AnnualReport, AuditYear, Finding
from .overview import overview
from .portal import partner_rooms, room_figures
from .render import figures_of, pdf_response
from .spreadsheet import report_xlsx


def report_for(user: Any, report: str) -> AnnualReport:
    return get_object_or_404(
        AnnualReport.objects.visible_to(user).select_related("room", "funder"),
        uuid=report,
    )


def posted(request: HttpRequest) -> Any:
    """The form's data once posted, even empty: a step without fields is still
    a step."""
    return request.POST if request.method == "POST" else None


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("jaar", ""))
    except ValueError:
        return timezone.localdate().year - 1


@guard("accountability.view_index")
def index(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    reports = (
        AnnualReport.objects.visible_to(request.user)
        .filter(year=year)
        .select_related("room", "funder")
        .order_by("room__name", "funder__name")
    )
    context = {
        "year": year,
        "reports": reports,
        "years": [year - 1, year + 1],
        "form": YearForm(initial={"year": year}),
    }
    return render(request, "accountability/index.html", context)


@guard("accountability.generate")
def generate(request: HttpRequest) -> HttpResponse:
    """All reports of a year in one action, as a job with a progress bar."""
    form = YearForm(posted(request))
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        job = start_job(GENERATE, request.user, payload=str(year).encode())
        return redirect("core:job", job=job.uuid)
    return form_page(request, form, _("Make the annual reports of a year"))


@guard("accountability.view_report", load=report_for)
def report_page(request: HttpRequest, report: AnnualReport) -> HttpResponse:
    context = {
        "report": report,
        "figures": figures_of(report),
        "steps": report.steps.select_related("by").prefetch_related("reviewers"),
        "ReportStatus": ReportStatus,
    }
    return render(request, "accountability/report.html", context)


@guard("accountability.view_report", load=report_for)
def pdf(request: HttpRequest, report: AnnualReport) -> HttpResponse | FileResponse:
    """The stored PDF of an approved report; for one still open, made from
    today's data."""
    return pdf_response(report)


@guard("accountability.view_report", load=report_for)
def xlsx(request: HttpRequest, report: AnnualReport) -> HttpResponse:
    """The report's figures as a spreadsheet: those kept at approval, or today's."""
    data = report_xlsx(report, figures_of(report))
    response = HttpResponse(data, content_type=XLSX)
    name = f"jaarrapportage-{report.year}-{report.uuid}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@guard("accountability.change_texts", load=report_for)
def texts(request: HttpRequest, report: AnnualReport) -> HttpResponse:
    form = TextsForm(posted(request), texts=report.texts)

    def run(data: dict[str, Any]) -> None:
        route.save_texts(report, data)

    return _run(
        request, form, _("Texts of %(report)s") % {"report": report}, run, report
    )


class ConfirmForm(forms.Form):
    pass


@guard("accountability.submit", load=report_for)
def submit(request: HttpRequest, report: AnnualReport) -> HttpResponse:
    return _run(
        request,
        ConfirmForm(posted(request)),
        _("Submit %(report)s to the audit committee") % {"report": report},
        lambda data: route.submit(report, request.user),
        report,
    )


@guard("accountability.review", load=report_for)
def review(request: HttpRequest, report: AnnualReport) -> HttpResponse:
    def run(data: dict[str, Any]) -> None:
        route.review(
            report,
            request.user,
            data["reviewers"],
            passed=data["passed"],
            remarks=data["remarks"],
        )

    return _run(
        request,
        ReviewForm(posted(request)),
        _("Review of %(report)s") % {"report": report},
        run,
        report,
    )


@guard("accountability.approve", load=report_for)
def approve(request: HttpRequest, report: AnnualReport) -> HttpResponse:
    return _run(
        request,
        ApproveForm(posted(request), request.FILES or None),
        _("Approve %(report)s") % {"report": report},
        lambda data: route.approve(report, request.user, data["statement"]),
        report,
    )


@guard("accountability.publish", load=report_for)
def publish(request: HttpRequest, report: AnnualReport) -> HttpResponse:
    return _run(
        request,
        ConfirmForm(posted(request)),
        _("Publish %(report)s to the partners") % {"report": report},
        lambda data: route.publish(report, request.user),
        report,
    )


def _run(
    request: HttpRequest,
    form: forms.Form,
    title: str,
    run: Callable[[dict[str, Any]], Any],
    report: AnnualReport,
) -> HttpResponse:
    """A step of the route: done and back to the report, or the form again with
    the service's refusal and nothing changed."""
    if request.method == "POST" and form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Done: %(report)s.") % {"report": report})
            return redirect(report.get_absolute_url())
    return form_page(request, form, title, cancel_url=report.get_absolute_url())


# The audit committee's workspace.


def audit_for(user: Any, year: int) -> AuditYear:
    """The audit of the year; an empty one, not yet saved, before the committee
    starts on it."""
    return AuditYear.objects.filter(year=year).first() or AuditYear(year=year)


def finding_for(user: Any, finding: int) -> Finding:
    found = Finding.objects.visible_to(user).select_related("audit")
    return get_object_or_404(found, pk=finding)


@guard("accountability.view_audit", load=audit_for)
def audit_page(request: HttpRequest, audit: AuditYear) -> HttpResponse:
    context: dict[str, Any] = {"audit": audit, "year": audit.year}
    if audit.pk:
        context |= {
            "expenses": audit.expenses.select_related("room", "receipt").order_by(
                "spent_on", "pk"
            ),
            "fixed_costs": audit.fixed_costs.select_related(
                "room", "document"
            ).order_by("month", "pk"),
            "counts": audit.counts.select_related("room", "counted_by"),
            "findings": audit.findings.select_related("room"),
        }
    return render(request, "accountability/audit.html", context)


def _audit_step(
    request: HttpRequest,
    audit: AuditYear,
    form: forms.Form,
    title: str,
    run: Callable[[AuditYear, dict[str, Any]], Any],
) -> HttpResponse:
    back = reverse("accountability:audit", kwargs={"year": audit.year})
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                run(audit_of(audit.year), form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(back)
    return form_page(request, form, title, cancel_url=back)


@guard("accountability.change_audit", load=audit_for)
def audit_sample(request: HttpRequest, audit: AuditYear) -> HttpResponse:
    return _audit_step(
        request,
        audit,
        ConfirmForm(posted(request)),
        _("Draw the sample of %(year)s") % {"year": audit.year},
        lambda found, data: draw_sample(found, request.user),
    )


@guard("accountability.change_audit", load=audit_for)
def audit_count(request: HttpRequest, audit: AuditYear) -> HttpResponse:
    return _audit_step(
        request,
        audit,
        CountForm(posted(request)),
        _("Count the petty cash of a room"),
        lambda found, data: record_count(found, **data, user=request.user),
    )


@guard("accountability.change_audit", load=audit_for)
def audit_finding(request: HttpRequest, audit: AuditYear) -> HttpResponse:
    return _audit_step(
        request,
        audit,
        FindingForm(posted(request)),
        _("Add a finding"),
        lambda found, data: add_finding(
            found, data["finding"], request.user, data["room"]
        ),
    )


@guard("accountability.change_audit", load=audit_for)
def audit_advice(request: HttpRequest, audit: AuditYear) -> HttpResponse:
    return _audit_step(
        request,
        audit,
        AdviceForm(posted(request), initial={"advice": audit.advice}),
        _("Report and advice of %(year)s") % {"year": audit.year},
        lambda found, data: save_advice(found, data["advice"]),
    )


@guard("accountability.change_audit", load=finding_for)
def finding_follow_up(request: HttpRequest, finding: Finding) -> HttpResponse:
    form = FollowUpForm(
        posted(request),
        initial={"follow_up": finding.follow_up, "resolved_on": finding.resolved_on},
    )
    return _audit_step(
        request,
        finding.audit,
        form,
        _("Follow-up of a finding"),
        lambda found, data: follow_up(finding, data["follow_up"], data["resolved_on"]),
    )


@guard("accountability.view_portal")
def portal(request: HttpRequest) -> HttpResponse:
    """What a partner's organisation sees of its rooms."""
    rooms = partner_rooms(request.user)
    context = {"rooms": room_figures(request.user, rooms, timezone.localdate())}
    return render(request, "accountability/portal.html", context)


@guard("accountability.view_overview")
def rooms_overview(request: HttpRequest) -> HttpResponse:
    """Every room the user oversees at a glance."""
    rooms = list(Room.objects.visible_to(request.user).order_by("name"))
    rows, chart = overview(rooms, request.user, timezone.localdate())
    return render(
        request, "accountability/overview.html", {"rows": rows, "chart": chart}
    )
