from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services
from .forms import (
    AgreementForm,
    CommitmentForm,
    DocumentUploadForm,
    FundingApplicationForm,
    PartyForm,
    SignatureForm,
)
from .models import Agreement, AgreementParty, FundingApplication
from .queries import agreements_for, investments_for, measure, parties_for


def agreement_for(user: Any, agreement: str) -> Agreement:
    return get_object_or_404(
        Agreement.objects.visible_to(user).select_related("room"), uuid=agreement
    )


def party_for(user: Any, party: str) -> AgreementParty:
    visible = Agreement.objects.visible_to(user)
    return get_object_or_404(
        AgreementParty.objects.select_related("agreement__room", "organisation"),
        uuid=party,
        agreement__in=visible,
    )


def application_for(user: Any, application: str) -> FundingApplication:
    return get_object_or_404(
        FundingApplication.objects.visible_to(user).select_related("room", "funder"),
        uuid=application,
    )


@guard("brokering.view_overview", load=room_for)
def room_overview(request: HttpRequest, room: Room) -> HttpResponse:
    context = {
        "room": room,
        "agreements": agreements_for(request.user, room),
        "applications": room.funding_applications.select_related("funder"),
    }
    return render(request, "brokering/room_overview.html", context)


@guard("brokering.add_agreement", load=room_for)
def agreement_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = AgreementForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.create_agreement(
                room,
                parties=list(form.cleaned_data.pop("parties")),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The agreement has been created."))
            return redirect(agreement)
    title = _("New agreement for %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=room.get_absolute_url())


@guard("brokering.view_agreement", load=agreement_for)
def agreement_detail(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    obligations = list(agreement.obligations.all())
    context = {
        "agreement": agreement,
        "room": agreement.room,
        "parties": parties_for(agreement),
        "measured": measure(obligations, timezone.localdate()),
        "investments": investments_for(agreement),
        "amendments": agreement.amendments.all(),
        "next_year": agreement.year + 1 if agreement.year else None,
        "signature_form": SignatureForm(initial={"signed_on": timezone.localdate()}),
        "party_form": PartyForm(user=request.user),
        "upload_form": DocumentUploadForm(),
    }
    return render(request, "brokering/agreement_detail.html", context)


@guard("brokering.change_agreement", load=agreement_for)
def party_add(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    form = PartyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_party(agreement, form.cleaned_data["organisation"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The party has been added."))
            return redirect(agreement)
    return form_page(
        request, form, _("Add a party"), cancel_url=agreement.get_absolute_url()
    )


@guard("brokering.sign_agreement", load=party_for)
def party_sign(request: HttpRequest, party: AgreementParty) -> HttpResponse:
    agreement = party.agreement
    form = SignatureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_signature(
                party, **form.cleaned_data, today=timezone.localdate()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The signature has been recorded."))
            return redirect(agreement)
    title = _("Signature of %(party)s") % {"party": party.organisation}
    return form_page(request, form, title, cancel_url=agreement.get_absolute_url())


@guard("brokering.change_agreement", load=party_for)
def party_commitment(request: HttpRequest, party: AgreementParty) -> HttpResponse:
    agreement = party.agreement
    form = CommitmentForm(
        request.POST or None,
        initial={
            "commitment_amount": party.commitment_amount,
            "commitment_in_kind": party.commitment_in_kind,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_commitment(
                party,
                form.cleaned_data["commitment_amount"],
                form.cleaned_data["commitment_in_kind"],
                request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The commitment has been saved."))
            return redirect(agreement)
    title = _("Commitment of %(party)s") % {"party": party.organisation}
    return form_page(request, form, title, cancel_url=agreement.get_absolute_url())


@guard("brokering.change_agreement", load=agreement_for)
def signed_document_upload(request: HttpRequest, agreement: Agreement) -> HttpResponse:
    return upload_page(
        request,
        agreement,
        lambda upload: services.store_signed_document(agreement, upload, request.user),
        title=_("Upload the signed document"),
        done=_("The signed document has been stored."),
    )


@guard("brokering.add_fundingapplication", load=room_for)
def funding_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = FundingApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        return _save_application(request, form, form.save(commit=False), room)
    title = _("New funding application for %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=room.get_absolute_url())


@guard("brokering.change_fundingapplication", load=application_for)
def decision_letter_upload(
    request: HttpRequest, application: FundingApplication
) -> HttpResponse:
    return upload_page(
        request,
        application,
        lambda upload: services.store_decision_letter(
            application, upload, request.user
        ),
        title=_("Upload the decision letter"),
        done=_("The decision letter has been stored."),
    )


def upload_page(
    request: HttpRequest,
    record: Agreement | FundingApplication,
    store: Callable[[UploadedFile], object],
    *,
    title: str,
    done: str,
) -> HttpResponse:
    """The page that takes one file for a record; a refused file is explained at
    the file field and nothing is stored."""
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            store(form.cleaned_data["file"])
        except ValidationError as error:
            apply_errors(form, error, field="file")
        else:
            messages.success(request, done)
            return redirect(record)
    return form_page(request, form, title, cancel_url=record.get_absolute_url())


@guard("brokering.view_fundingapplication", load=application_for)
def funding_detail(
    request: HttpRequest, application: FundingApplication
) -> HttpResponse:
    context = {
        "application": application,
        "room": application.room,
        "reporting_dates": application.reporting_dates.all(),
    }
    return render(request, "brokering/funding_detail.html", context)


@guard("brokering.change_fundingapplication", load=application_for)
def funding_edit(request: HttpRequest, application: FundingApplication) -> HttpResponse:
    form = FundingApplicationForm(
        request.POST or None, instance=application, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        return _save_application(
            request, form, form.save(commit=False), application.room
        )
    title = _("Edit %(application)s") % {"application": application}
    return form_page(request, form, title, cancel_url=application.get_absolute_url())


def _save_application(
    request: HttpRequest,
    form: FundingApplicationForm,
    application: FundingApplication,
    room: Room,
) -> HttpResponse:
    application.room = room
    try:
        services.save_funding_application(application)
    except ValidationError as error:
        apply_errors(form, error)
        return form_page(request, form, _("Funding application"))
    messages.success(request, _("The funding application has been saved."))
    return redirect(application)
