"""Pages of placements: the rooms, a room's vacancies and case files, and the
case files themselves. Each page that shows a case file logs the read."""

from typing import Any

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
from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.employer.models import ContractEvaluation
from buurtwerkkamer.employer.services import chain_of
from buurtwerkkamer.employer.views import run_form
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services
from .constants import CandidateStatus
from .forms import (
    CandidateForm,
    ContactForm,
    DayForm,
    EndForm,
    ExtendForm,
    IntakeForm,
    InterviewForm,
    PlacementForm,
    ResolveForm,
    SignalForm,
    VacancyForm,
)
from .models import Candidate, Placement, PlacementVacancy, Signal
from .queries import candidate_for, placement_for, rooms_with_counts, signal_for


def room_url(room: Room) -> str:
    return reverse("placements:room", kwargs={"room": room.slug})


@guard("placements.view_index")
def index(request: HttpRequest) -> HttpResponse:
    roles = roles_of(request.user)
    rooms = Room.objects.all()
    if Role.BOARD not in roles.cooperative:
        rooms = rooms.filter(pk__in=roles.staff_rooms)
    page = Paginator(rooms_with_counts(rooms), 50).get_page(request.GET.get("page"))
    return render(request, "placements/index.html", {"page": page})


@guard("placements.view_room", load=room_for)
def room_page(request: HttpRequest, room: Room) -> HttpResponse:
    candidates = room.candidates.exclude(status=CandidateStatus.PLACED)
    placements = room.placements.select_related("candidate__person", "contract")
    context = {
        "room": room,
        "vacancies": room.placement_vacancies.filter(closed_on__isnull=True),
        "candidates": candidates.select_related("person", "referred_by")[:100],
        "placements": placements.order_by("ended_on", "-started_on")[:100],
        "signals": Signal.objects.filter(placement__room=room, resolved_on__isnull=True)
        .select_related("placement__candidate__person")
        .order_by("follow_up_on")[:100],
    }
    return render(request, "placements/room.html", context)


@guard("placements.change_vacancy", load=room_for)
def vacancy_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = VacancyForm(
        request.POST or None,
        instance=PlacementVacancy(room=room),
        initial={"opened_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_vacancy(form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect(room_url(room))
    title = _("New vacancy in %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=room_url(room))


@guard("placements.change_case", load=room_for)
def candidate_create(request: HttpRequest, room: Room) -> HttpResponse:
    today = timezone.localdate()
    form = CandidateForm(
        request.POST or None, room=room, initial={"registered_on": today}
    )
    return run_form(
        request,
        form,
        _("New candidate for %(room)s") % {"room": room},
        lambda data: services.register_candidate(room, **data, today=today),
        _("The candidate has been registered."),
        room_url(room),
    )


@guard("placements.view_case", load=candidate_for)
def candidate_detail(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    record_read(candidate)
    placement = Placement.objects.filter(candidate=candidate).first()
    context = {
        "candidate": candidate,
        "room": candidate.room,
        "interviews": candidate.interviews.all(),
        "placement": placement,
        "open": candidate.status
        not in (CandidateStatus.PLACED, CandidateStatus.REJECTED),
        "accepted": candidate.status == CandidateStatus.ACCEPTED,
    }
    return render(request, "placements/candidate.html", context)


@guard("placements.change_case", load=candidate_for)
def intake(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    today = timezone.localdate()

    def record(data: dict[str, Any]) -> None:
        services.record_intake(candidate, **data, today=today)

    return run_form(
        request,
        IntakeForm(request.POST or None, initial={"intake_on": today}),
        _("Intake of %(person)s") % {"person": candidate.person},
        record,
        _("The intake has been recorded."),
        candidate.get_absolute_url(),
    )


@guard("placements.change_case", load=candidate_for)
def interview(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    today = timezone.localdate()

    def record(data: dict[str, Any]) -> None:
        services.record_interview(candidate, **data, today=today)

    return run_form(
        request,
        InterviewForm(request.POST or None, initial={"held_on": today}),
        _("Selection interview with %(person)s") % {"person": candidate.person},
        record,
        _("The interview has been recorded."),
        candidate.get_absolute_url(),
    )


@guard("placements.change_case", load=candidate_for)
def place(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    initial: dict[str, Any] = {"starts_on": timezone.localdate()}
    if candidate.vacancy:
        initial |= {
            "kind": candidate.vacancy.kind,
            "hours_per_week": candidate.vacancy.hours_per_week,
        }
    return run_form(
        request,
        PlacementForm(request.POST or None, initial=initial),
        _("Place %(person)s") % {"person": candidate.person},
        lambda data: services.start_placement(candidate, **data),
        _("The placement has started."),
        candidate.get_absolute_url(),
    )


@guard("placements.view_case", load=placement_for)
def placement_detail(request: HttpRequest, placement: Placement) -> HttpResponse:
    record_read(placement)
    periods = chain_of(placement.contract)
    evaluations = ContractEvaluation.objects.filter(contract__in=periods)
    context = {
        "placement": placement,
        "room": placement.room,
        "candidate": placement.candidate,
        "contract": placement.contract,
        "periods": periods,
        "evaluations": evaluations,
        "signals": placement.signals.order_by("-raised_on"),
    }
    return render(request, "placements/placement.html", context)


@guard("placements.change_case", load=placement_for)
def evaluation_plan(request: HttpRequest, placement: Placement) -> HttpResponse:
    def plan(data: dict[str, Any]) -> None:
        services.plan_evaluation(placement, **data)

    return run_form(
        request,
        DayForm(request.POST or None),
        _("Plan an evaluation"),
        plan,
        _("The evaluation has been planned."),
        placement.get_absolute_url(),
    )


@guard("placements.change_case", load=placement_for)
def extend(request: HttpRequest, placement: Placement) -> HttpResponse:
    def run(data: dict[str, Any]) -> None:
        services.extend_placement(placement, **data)

    return run_form(
        request,
        ExtendForm(request.POST or None),
        _("Extend the placement of %(person)s")
        % {"person": placement.candidate.person},
        run,
        _("The placement has been extended."),
        placement.get_absolute_url(),
    )


@guard("placements.change_case", load=placement_for)
def end(request: HttpRequest, placement: Placement) -> HttpResponse:
    def run(data: dict[str, Any]) -> None:
        services.end_placement(placement, **data)

    return run_form(
        request,
        EndForm(request.POST or None, initial={"ended_on": placement.contract.ends_on}),
        _("End the placement of %(person)s") % {"person": placement.candidate.person},
        run,
        _("The placement has ended."),
        placement.get_absolute_url(),
    )


@guard("placements.change_case", load=placement_for)
def signal_create(request: HttpRequest, placement: Placement) -> HttpResponse:
    today = timezone.localdate()
    return run_form(
        request,
        SignalForm(request.POST or None, initial={"raised_on": today}),
        _("New signal about %(person)s") % {"person": placement.candidate.person},
        lambda data: services.raise_signal(placement, **data, today=today),
        _("The signal has been recorded."),
        placement.get_absolute_url(),
    )


@guard("placements.view_case", load=signal_for)
def signal_detail(request: HttpRequest, signal: Signal) -> HttpResponse:
    record_read(signal)
    context = {
        "signal": signal,
        "placement": signal.placement,
        "room": signal.placement.room,
        "contacts": signal.contacts.select_related("contact__organisation"),
    }
    return render(request, "placements/signal.html", context)


@guard("placements.change_case", load=signal_for)
def contact_add(request: HttpRequest, signal: Signal) -> HttpResponse:
    today = timezone.localdate()
    agency = signal.placement.candidate.referred_by_id
    form = ContactForm(
        request.POST or None, agency_id=agency, initial={"contacted_on": today}
    )

    def add(data: dict[str, Any]) -> None:
        services.add_contact(signal, **data, today=today)

    return run_form(
        request,
        form,
        _("Contact with the benefits agency"),
        add,
        _("The contact has been recorded."),
        signal.get_absolute_url(),
    )


@guard("placements.change_case", load=signal_for)
def resolve(request: HttpRequest, signal: Signal) -> HttpResponse:
    today = timezone.localdate()

    def run(data: dict[str, Any]) -> None:
        services.resolve_signal(signal, **data, today=today)

    return run_form(
        request,
        ResolveForm(request.POST or None, initial={"resolved_on": today}),
        _("Resolve the signal"),
        run,
        _("The signal has been resolved."),
        signal.get_absolute_url(),
    )
