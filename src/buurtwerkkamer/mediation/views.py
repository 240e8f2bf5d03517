"""Pages of mediation: a room's cases and exclusions for those who read case
files, and who is excluded until when for the whole team."""

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.access.case_files import record_read
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services
from .forms import CaseForm, CloseForm, EndEarlyForm, ExclusionForm, SessionForm
from .models import Exclusion, MediationCase
from .queries import case_for, cases_of, current_exclusions, exclusion_for

PAGE_SIZE = 25


def acting(request: HttpRequest) -> User:
    """The user behind the request; the guard let only the logged-in through."""
    return cast(User, request.user)


def room_url(room: Room) -> str:
    return reverse("mediation:room", kwargs={"room": room.slug})


@guard("mediation.view_index")
def index(request: HttpRequest) -> HttpResponse:
    rooms = Room.objects.visible_to(request.user)
    roles = roles_of(request.user)
    if Role.BOARD not in roles.cooperative:
        rooms = rooms.filter(pk__in=roles.rooms)
    paginator = Paginator(rooms.order_by("name"), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "mediation/index.html", {"page": page})


@guard("mediation.view_room", load=room_for)
def room_page(request: HttpRequest, room: Room) -> HttpResponse:
    today = timezone.localdate()
    context: dict[str, Any] = {
        "room": room,
        "current": current_exclusions(room, today),
    }
    if request.user.has_perm("mediation.view_case", room):
        cases = Paginator(cases_of(room), PAGE_SIZE)
        context["cases"] = cases.get_page(request.GET.get("page"))
        exclusions = room.exclusions.select_related("person").order_by("-starts_on")
        context["exclusions"] = exclusions[:PAGE_SIZE]
    return render(request, "mediation/room.html", context)


@guard("mediation.change_case", load=room_for)
def case_create(request: HttpRequest, room: Room) -> HttpResponse:
    record = MediationCase(room=room, opened_by=acting(request))
    form = CaseForm(
        request.POST or None,
        instance=record,
        people=room.people.order_by("last_name", "first_name"),
        initial={"opened_on": timezone.localdate()},
    )
    title = _("New mediation case in %(room)s") % {"room": room}
    return _save_case(request, form, title, room_url(room))


@guard("mediation.view_case", load=case_for)
def case_detail(request: HttpRequest, case: MediationCase) -> HttpResponse:
    record_read(case)
    context = {
        "case": case,
        "room": case.room,
        "parties": case.parties.order_by("last_name", "first_name"),
        "sessions": case.sessions.prefetch_related("present"),
        "exclusions": case.exclusions.select_related("person"),
    }
    return render(request, "mediation/case_detail.html", context)


@guard("mediation.change_case", load=case_for)
def case_edit(request: HttpRequest, case: MediationCase) -> HttpResponse:
    record_read(case)
    form = CaseForm(
        request.POST or None,
        instance=case,
        people=case.room.people.order_by("last_name", "first_name"),
    )
    title = _("Edit “%(title)s”") % {"title": case.title}
    return _save_case(request, form, title, case.get_absolute_url())


def _save_case(
    request: HttpRequest, form: CaseForm, title: str, cancel_url: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        case = form.save(commit=False)
        try:
            services.save_case(
                case, form.cleaned_data["parties"], today=timezone.localdate()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(case)
    return form_page(request, form, title, cancel_url=cancel_url)


@guard("mediation.change_case", load=case_for)
def session_add(request: HttpRequest, case: MediationCase) -> HttpResponse:
    record_read(case)
    today = timezone.localdate()
    form = SessionForm(request.POST or None, case=case, initial={"held_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_session(
                case, **form.cleaned_data, user=request.user, today=today
            )
        except ValidationError as error:
            apply_errors(form, error, field="held_on")
        else:
            messages.success(request, _("The mediation session has been recorded."))
            return redirect(case)
    title = _("Mediation session in “%(title)s”") % {"title": case.title}
    return form_page(request, form, title, cancel_url=case.get_absolute_url())


@guard("mediation.change_case", load=case_for)
def case_close(request: HttpRequest, case: MediationCase) -> HttpResponse:
    record_read(case)
    today = timezone.localdate()
    form = CloseForm(request.POST or None, initial={"closed_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.close_case(case, **form.cleaned_data, today=today)
        except ValidationError as error:
            apply_errors(form, error, field="outcome")
        else:
            messages.success(request, _("The case has been closed."))
            return redirect(case)
    title = _("Close “%(title)s”") % {"title": case.title}
    return form_page(request, form, title, cancel_url=case.get_absolute_url())


@guard("mediation.change_case", load=case_for)
def case_exclusion(request: HttpRequest, case: MediationCase) -> HttpResponse:
    record_read(case)
    record = Exclusion(room=case.room, case=case, decided_by=acting(request))
    people = case.parties.order_by("last_name", "first_name")
    return _decide(request, record, people, case.get_absolute_url())


@guard("mediation.change_exclusion", load=room_for)
def exclusion_create(request: HttpRequest, room: Room) -> HttpResponse:
    record = Exclusion(room=room, decided_by=acting(request))
    people = room.people.order_by("last_name", "first_name")
    return _decide(request, record, people, room_url(room))


def _decide(
    request: HttpRequest, record: Exclusion, people: Any, cancel_url: str
) -> HttpResponse:
    today = timezone.localdate()
    form = ExclusionForm(
        request.POST or None,
        instance=record,
        people=people,
        initial={"starts_on": today},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_exclusion(form.save(commit=False), today=today)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The temporary exclusion has been recorded."))
            return redirect(cancel_url)
    return form_page(
        request, form, _("Decide a temporary exclusion"), cancel_url=cancel_url
    )


@guard("mediation.view_exclusion", load=exclusion_for)
def exclusion_detail(request: HttpRequest, exclusion: Exclusion) -> HttpResponse:
    record_read(exclusion)
    context = {
        "exclusion": exclusion,
        "room": exclusion.room,
        "running": exclusion.runs_on(timezone.localdate()),
    }
    return render(request, "mediation/exclusion_detail.html", context)


@guard("mediation.change_exclusion", load=exclusion_for)
def exclusion_end(request: HttpRequest, exclusion: Exclusion) -> HttpResponse:
    record_read(exclusion)
    today = timezone.localdate()
    form = EndEarlyForm(request.POST or None, initial={"ends_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.end_early(exclusion, **form.cleaned_data, today=today)
        except ValidationError as error:
            apply_errors(form, error, field="ends_on")
        else:
            messages.success(request, _("The exclusion ends earlier."))
            return redirect(exclusion)
    title = _("End the exclusion of %(person)s early") % {"person": exclusion.person}
    return form_page(request, form, title, cancel_url=exclusion.get_absolute_url())
