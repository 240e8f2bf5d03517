"""Pages of the recruitment of paid staff and of the room's volunteers."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services, volunteers
from .constants import STAFF_KINDS, Decision
from .forms import (
    AllowanceForm,
    ApplicantForm,
    CertificateForm,
    HireForm,
    InterviewForm,
    TaskForm,
    VacancyForm,
)
from .models import Applicant, StaffVacancy
from .queries import applicant_for, vacancy_for
from .views import run_form


@guard("employer.view_recruitment")
def vacancies(request: HttpRequest) -> HttpResponse:
    found = StaffVacancy.objects.visible_to(request.user).select_related("room")
    page = Paginator(found.order_by("-opened_on", "pk"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "employer/vacancies.html", {"page": page})


@guard("employer.change_recruitment")
def vacancy_create(request: HttpRequest) -> HttpResponse:
    form = VacancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.save_vacancy(form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect(vacancy)
    return form_page(request, form, _("New staff vacancy"))


@guard("employer.view_recruitment", load=vacancy_for)
def vacancy_detail(request: HttpRequest, vacancy: StaffVacancy) -> HttpResponse:
    applicants = vacancy.applicants.select_related("contract__person")
    context = {"vacancy": vacancy, "applicants": applicants}
    return render(request, "employer/vacancy.html", context)


@guard("employer.change_recruitment", load=vacancy_for)
def applicant_add(request: HttpRequest, vacancy: StaffVacancy) -> HttpResponse:
    return run_form(
        request,
        ApplicantForm(request.POST or None),
        _("New applicant"),
        lambda data: services.add_applicant(vacancy, **data),
        _("The applicant has been added."),
        vacancy.get_absolute_url(),
    )


@guard("employer.view_recruitment", load=applicant_for)
def applicant_detail(request: HttpRequest, applicant: Applicant) -> HttpResponse:
    context = {
        "applicant": applicant,
        "vacancy": applicant.vacancy,
        "interviews": applicant.interviews.all(),
        "pending": applicant.decision == Decision.PENDING,
    }
    return render(request, "employer/applicant.html", context)


@guard("employer.change_recruitment", load=applicant_for)
def interview_add(request: HttpRequest, applicant: Applicant) -> HttpResponse:
    today = timezone.localdate()

    def add(data: dict[str, Any]) -> None:
        services.add_interview(applicant, **data, today=today)

    return run_form(
        request,
        InterviewForm(request.POST or None, initial={"held_on": today}),
        _("Interview with %(name)s") % {"name": applicant.name},
        add,
        _("The interview has been recorded."),
        applicant.get_absolute_url(),
    )


@guard("employer.change_recruitment", load=applicant_for)
@require_POST
def applicant_reject(request: HttpRequest, applicant: Applicant) -> HttpResponse:
    try:
        services.reject_applicant(applicant, today=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(applicant)


@guard("employer.change_recruitment", load=applicant_for)
def applicant_hire(request: HttpRequest, applicant: Applicant) -> HttpResponse:
    vacancy = applicant.vacancy
    initial = {
        "position": vacancy.position,
        "hours_per_week": vacancy.hours_per_week,
        "rooms": [vacancy.room_id] if vacancy.room_id else [],
        "starts_on": timezone.localdate(),
    }
    form = HireForm(
        request.POST or None,
        initial=initial,
        rooms=Room.objects.order_by("name"),
        kinds=STAFF_KINDS,
    )
    return run_form(
        request,
        form,
        _("Hire %(name)s") % {"name": applicant.name},
        lambda data: services.hire_applicant(
            applicant, today=timezone.localdate(), **data
        ),
        _("The contract has been made."),
        applicant.get_absolute_url(),
    )


# Volunteers.


@guard("employer.view_volunteers", load=room_for)
def room_volunteers(request: HttpRequest, room: Room) -> HttpResponse:
    today = timezone.localdate()
    month = today.replace(day=1)
    tasks = room.volunteer_tasks.select_related("person").order_by(
        "person__last_name", "person__first_name", "task"
    )
    allowances = room.volunteer_allowances.filter(month__year=today.year)
    allowances = allowances.select_related("person").order_by("-month", "pk")
    people = {allowance.person_id: allowance.person for allowance in allowances}
    totals = volunteers.allowance_totals(people, today.year, month)
    rows = sorted(people.values(), key=lambda person: (person.last_name, person.pk))
    context = {
        "room": room,
        "tasks": tasks,
        "certificates": room.conduct_certificates.select_related("person"),
        "allowances": allowances,
        "total_rows": [(person, totals[person.pk]) for person in rows],
        "limits": volunteers.limits_for(today.year),
        "year": today.year,
    }
    return render(request, "employer/volunteers.html", context)


def _volunteer_form(
    request: HttpRequest, room: Room, form_class: Any, title: str, action: Any
) -> HttpResponse:
    form = form_class(request.POST or None, room=room)
    return run_form(
        request,
        form,
        title,
        action,
        _("Saved."),
        room_url(room),
    )


def room_url(room: Room) -> str:
    return reverse("employer:volunteers", kwargs={"room": room.slug})


@guard("employer.change_volunteers", load=room_for)
def task_add(request: HttpRequest, room: Room) -> HttpResponse:
    def add(data: dict[str, Any]) -> None:
        volunteers.add_task(data.pop("person"), room, **data)

    return _volunteer_form(request, room, TaskForm, _("New volunteer task"), add)


@guard("employer.change_volunteers", load=room_for)
def certificate_add(request: HttpRequest, room: Room) -> HttpResponse:
    def add(data: dict[str, Any]) -> None:
        volunteers.record_certificate(
            data.pop("person"), room, **data, today=timezone.localdate()
        )

    title = _("Certificate of conduct (VOG)")
    return _volunteer_form(request, room, CertificateForm, title, add)


@guard("employer.pay_allowance", load=room_for)
def allowance_add(request: HttpRequest, room: Room) -> HttpResponse:
    def add(data: dict[str, Any]) -> None:
        volunteers.pay_allowance(data.pop("person"), room, **data)

    title = _("Volunteer allowance paid")
    return _volunteer_form(request, room, AllowanceForm, title, add)
