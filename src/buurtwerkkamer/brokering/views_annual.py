"""Pages for partnerships and annual agreements: result obligations and their
values, investments, amendments, next year's copy, the deadline overview, and
the reporting dates of funding applications."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.services import store_document

from . import services
from .forms import (
    AmendmentForm,
    InvestmentForm,
    ObligationForm,
    ReportedForm,
    ReportingDateForm,
    ValueForm,
)
from .models import Agreement, FundingApplication, ReportingDate, ResultObligation
from .queries import (
    deadline,
    overview_rooms,
    readable_agreements,
    rooms_without_signed_agreement,
)
from .views import agreement_for, application_for


def obligation_for(user: Any, obligation: str) -> ResultObligation:
    visible = readable_agreements(user, Agreement.objects.visible_to(user))
    return get_object_or_404(
        ResultObligation.objects.select_related("agreement__room"),
        uuid=obligation,
        agreement__in=visible,
    )


def reporting_for(user: Any, reporting: str) -> ReportingDate:
    visible = FundingApplication.objects.visible_to(user)
    return get_object_or_404(
        ReportingDate.objects.select_related("application__room"),
        uuid=reporting,
        application__in=visible,
    )


@guard("brokering.copy_agreement", load=agreement_for)
def agreement_copy(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    """Next year's annual agreement, drafted from this one (asked on a POST)."""
    if request.method != "POST":
        title = _("Draft the agreement for %(year)s from this one") % {
            "year": (agreement.year or 0) + 1
        }
        return form_page(
            request, forms.Form(), title, cancel_url=agreement.get_absolute_url()
        )
    try:
        copy = services.copy_annual_agreement(agreement)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(agreement)
    messages.success(request, _("Next year's agreement has been drafted."))
    return redirect(copy)


@guard("brokering.change_agreement", load=agreement_for)
def agreement_negotiate(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    if request.method != "POST":
        title = _("Start negotiating with the parties")
        return form_page(
            request, forms.Form(), title, cancel_url=agreement.get_absolute_url()
        )
    if request.method == "POST":
        try:
            services.start_negotiation(agreement)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The parties can now see the agreement."))
    return redirect(agreement)


@guard("brokering.change_agreement", load=agreement_for)
def agreement_amend(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    today = timezone.localdate()
    form = AmendmentForm(request.POST or None, initial={"amended_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.amend_agreement(
                agreement, **form.cleaned_data, user=request.user, today=today
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The amendment has been recorded."))
            return redirect(agreement)
    title = _("Amend %(agreement)s") % {"agreement": agreement}
    return form_page(request, form, title, cancel_url=agreement.get_absolute_url())


@guard("brokering.change_agreement", load=agreement_for)
def obligation_create(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    form = ObligationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_obligation(agreement, **form.service_arguments())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The result obligation has been added."))
            return redirect(agreement)
    title = _("New result obligation")
    return form_page(request, form, title, cancel_url=agreement.get_absolute_url())


@guard("brokering.enter_obligation_value", load=obligation_for)
def value_create(request: HttpRequest, obligation: ResultObligation) -> HttpResponse:
    agreement = obligation.agreement
    today = timezone.localdate()
    form = ValueForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            _enter_value(request, obligation, form.cleaned_data, today)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The value has been entered."))
            return redirect(agreement)
    title = _("Enter a value for %(obligation)s") % {"obligation": obligation}
    return form_page(request, form, title, cancel_url=agreement.get_absolute_url())


def _enter_value(
    request: HttpRequest, obligation: ResultObligation, data: dict, today: Any
) -> None:
    evidence = None
    if data["file"]:
        evidence = store_document(
            data["file"],
            title=str(obligation),
            user=request.user,
            room_id=obligation.agreement.room_id,
            kind=DocumentKind.AGREEMENT,
        )
    services.enter_value(
        obligation,
        value=data["value"],
        as_of=data["as_of"],
        note=data["note"],
        evidence=evidence,
        user=request.user,
        today=today,
    )


@guard("brokering.change_agreement", load=agreement_for)
def investment_create(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    form = InvestmentForm(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_investment(
                data["party"],
                year=data["year"],
                amount=data["amount"],
                in_kind=data["in_kind"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The investment has been saved."))
            return redirect(agreement)
    title = _("Investment per year")
    return form_page(request, form, title, cancel_url=agreement.get_absolute_url())


@guard("brokering.view_annual_overview")
def annual_overview(request: HttpRequest) -> HttpResponse:
    """Operational rooms without a signed annual agreement for next year (or the
    year asked for), with the days left until the deadline."""
    today = timezone.localdate()
    year = _year(request, today.year + 1)
    due = deadline(year)
    rooms = rooms_without_signed_agreement(overview_rooms(request.user), year)
    context = {
        "year": year,
        "deadline": due,
        "days_left": (due - today).days,
        "rooms": rooms,
        "years": range(today.year - 1, today.year + 3),
    }
    return render(request, "brokering/annual_overview.html", context)


def _year(request: HttpRequest, default: int) -> int:
    asked = request.GET.get("jaar", "")
    if asked.isdigit() and 2000 <= int(asked) <= 2100:
        return int(asked)
    return default


@guard("brokering.change_fundingapplication", load=application_for)
def reporting_create(
    request: HttpRequest, application: FundingApplication
) -> HttpResponse:
    form = ReportingDateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_reporting_date(application, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The reporting date has been added."))
            return redirect(application)
    title = _("New reporting date")
    return form_page(request, form, title, cancel_url=application.get_absolute_url())


@guard("brokering.change_fundingapplication", load=reporting_for)
def reporting_done(request: HttpRequest, reporting: ReportingDate) -> HttpResponse:
    application = reporting.application
    today = timezone.localdate()
    form = ReportedForm(request.POST or None, initial={"done_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_reported(reporting, **form.cleaned_data, today=today)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The report has been recorded as sent."))
            return redirect(application)
    title = _("Reported: %(subject)s") % {"subject": reporting.subject}
    return form_page(request, form, title, cancel_url=application.get_absolute_url())
