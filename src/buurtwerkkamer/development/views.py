"""Pages of a room's development: learning plans, evaluations and trainings."""

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services
from .forms import (
    CompletionForm,
    DoneForm,
    EvaluationForm,
    FollowUpForm,
    LearningPlanForm,
    ParticipantForm,
    ReportForm,
    TrainingForm,
)
from .indicators import trainings_completed
from .models import Evaluation, FollowUp, LearningPlan, Training, TrainingParticipant
from .queries import (
    evaluation_for,
    evaluations_of,
    follow_up_for,
    participant_for,
    plan_for,
    rooms_with_development,
    training_for,
    with_counts,
)


def year_of(request: HttpRequest) -> int:
    """The year asked for in `?jaar=`, or this one; nonsense falls back too."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return today.year
    return year if 2000 <= year <= today.year + 1 else today.year


def room_url(room: Room, year: int | None = None) -> str:
    url = reverse("development:room", kwargs={"room": room.slug})
    return f"{url}?jaar={year}" if year else url


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


@guard("development.view_index")
def index(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    rooms = rooms_with_development(Room.objects.visible_to(request.user), year)
    page = Paginator(rooms, 25).get_page(request.GET.get("page"))
    completed = trainings_completed([room.pk for room in page], *year_span(year))
    rows = [(room, completed[room.pk]) for room in page]
    context = {"year": year, "page": page, "rows": rows}
    return render(request, "development/index.html", context)


@guard("development.view_room", load=room_for)
def room_page(request: HttpRequest, room: Room) -> HttpResponse:
    year = year_of(request)
    user = request.user
    trainings = with_counts(room.trainings.filter(starts_on__year=year))
    context: dict[str, Any] = {
        "room": room,
        "year": year,
        "plans": room.learning_plans.only("uuid", "year", "room_id"),
        "plan": room.learning_plans.filter(year=year).first(),
        "trainings": Paginator(trainings, 50).get_page(request.GET.get("page")),
        "completed": int(trainings_completed([room.pk], *year_span(year))[room.pk]),
    }
    if user.has_perm("development.view_evaluation", room):
        context["evaluations"] = evaluations_of(room, year)
    return render(request, "development/room.html", context)


# Learning plans.


@guard("development.add_learningplan", load=room_for)
def plan_create(request: HttpRequest, room: Room) -> HttpResponse:
    initial = {"year": timezone.localdate().year}
    form = LearningPlanForm(
        request.POST or None, instance=LearningPlan(room=room), initial=initial
    )
    title = _("New learning plan of %(room)s") % {"room": room}
    return save_form(request, form, title, room_url(room))


@guard("development.view_learningplan", load=plan_for)
def plan_detail(request: HttpRequest, plan: LearningPlan) -> HttpResponse:
    context = {
        "plan": plan,
        "room": plan.room,
        "trainings": with_counts(plan.trainings.all()),
    }
    return render(request, "development/plan_detail.html", context)


@guard("development.change_learningplan", load=plan_for)
def plan_edit(request: HttpRequest, plan: LearningPlan) -> HttpResponse:
    form = LearningPlanForm(request.POST or None, instance=plan)
    title = _("Edit the learning plan %(year)s") % {"year": plan.year}
    return save_form(request, form, title, plan.get_absolute_url())


# Evaluations.


@guard("development.add_evaluation", load=room_for)
def evaluation_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = EvaluationForm(
        request.POST or None, instance=Evaluation(room=room), user=request.user
    )
    title = _("New evaluation of %(room)s") % {"room": room}
    return save_form(request, form, title, room_url(room))


@guard("development.view_evaluation", load=evaluation_for)
def evaluation_detail(request: HttpRequest, evaluation: Evaluation) -> HttpResponse:
    report = evaluation.report
    context = {
        "evaluation": evaluation,
        "room": evaluation.room,
        "follow_ups": evaluation.follow_ups.select_related("owner"),
        "can_read_report": bool(
            report and request.user.has_perm("documents.view_document", report)
        ),
    }
    return render(request, "development/evaluation_detail.html", context)


@guard("development.change_evaluation", load=evaluation_for)
def evaluation_edit(request: HttpRequest, evaluation: Evaluation) -> HttpResponse:
    form = EvaluationForm(request.POST or None, instance=evaluation, user=request.user)
    title = _("Edit the evaluation “%(theme)s”") % {"theme": evaluation.theme}
    return save_form(request, form, title, evaluation.get_absolute_url())


@guard("development.change_evaluation", load=evaluation_for)
def report_upload(request: HttpRequest, evaluation: Evaluation) -> HttpResponse:
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.store_report(evaluation, form.cleaned_data["file"], request.user)
        except ValidationError as error:
            apply_errors(form, error, field="file")
        else:
            messages.success(request, _("The report has been stored."))
            return redirect(evaluation)
    return form_page(
        request,
        form,
        _("Upload the evaluation report"),
        cancel_url=evaluation.get_absolute_url(),
    )


@guard("development.change_evaluation", load=evaluation_for)
def follow_up_create(request: HttpRequest, evaluation: Evaluation) -> HttpResponse:
    form = FollowUpForm(request.POST or None, room=evaluation.room)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_follow_up(evaluation, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The follow-up action has been added."))
            return redirect(evaluation)
    return form_page(
        request,
        form,
        _("New follow-up action"),
        cancel_url=evaluation.get_absolute_url(),
    )


@guard("development.change_evaluation", load=follow_up_for)
def follow_up_done(request: HttpRequest, follow_up: FollowUp) -> HttpResponse:
    today = timezone.localdate()
    form = DoneForm(request.POST or None, initial={"done_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.complete_follow_up(follow_up, **form.cleaned_data, today=today)
        except ValidationError as error:
            apply_errors(form, error, field="done_on")
        else:
            messages.success(request, _("The action has been marked as done."))
            return redirect(follow_up.evaluation)
    title = _("Done: %(action)s") % {"action": follow_up.action}
    return form_page(request, form, title, cancel_url=follow_up.get_absolute_url())


# Trainings.


@guard("development.add_training", load=room_for)
def training_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = TrainingForm(request.POST or None, instance=Training(room=room), room=room)
    title = _("New training of %(room)s") % {"room": room}
    return save_form(request, form, title, room_url(room))


@guard("development.view_training", load=training_for)
def training_detail(request: HttpRequest, training: Training) -> HttpResponse:
    counted = with_counts(Training.objects.filter(pk=training.pk)).get()
    context: dict[str, Any] = {
        "training": training,
        "room": training.room,
        "participant_count": counted.participant_count,  # type: ignore[attr-defined]
        "completed_count": counted.completed_count,  # type: ignore[attr-defined]
    }
    if request.user.has_perm("development.view_names", training):
        context["participants"] = list(training.participants.select_related("person"))
    return render(request, "development/training_detail.html", context)


@guard("development.change_training", load=training_for)
def training_edit(request: HttpRequest, training: Training) -> HttpResponse:
    form = TrainingForm(request.POST or None, instance=training, room=training.room)
    title = _("Edit the training “%(title)s”") % {"title": training.title}
    return save_form(request, form, title, training.get_absolute_url())


@guard("development.change_training", load=training_for)
def participant_add(request: HttpRequest, training: Training) -> HttpResponse:
    form = ParticipantForm(request.POST or None, training=training)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_participant(training, form.cleaned_data["person"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The participant has been added."))
            return redirect(training)
    title = _("Add a participant to “%(title)s”") % {"title": training.title}
    return form_page(request, form, title, cancel_url=training.get_absolute_url())


@guard("development.change_training", load=participant_for)
def participant_complete(
    request: HttpRequest, participant: TrainingParticipant
) -> HttpResponse:
    training = participant.training
    initial = {"completed_on": participant.completed_on or training.last_day}
    form = CompletionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_completion(
                participant, **form.cleaned_data, today=timezone.localdate()
            )
        except ValidationError as error:
            apply_errors(form, error, field="completed_on")
        else:
            messages.success(request, _("The completion has been saved."))
            return redirect(training)
    title = _("Completion of %(person)s") % {"person": participant.person}
    return form_page(request, form, title, cancel_url=training.get_absolute_url())


def save_form(
    request: HttpRequest, form: ModelForm, title: str, cancel_url: str
) -> HttpResponse:
    """The page of a model form whose record a service saves: the service's
    refusal is explained at the field it concerns and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        try:
            SAVERS[type(record)](record, today=timezone.localdate())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(record)
    return form_page(request, form, title, cancel_url=cancel_url)


SAVERS: dict[type[Model], Any] = {
    Evaluation: services.save_evaluation,
    LearningPlan: services.save_learning_plan,
    Training: services.save_training,
}
