"""Operations on evaluations, learning plans and trainings, each in one
transaction. What they refuse, they refuse with a message and change nothing."""

import logging
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import participation_refusal
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.people.models import Person

from .constants import FIRST_PLAN_YEAR, TrainingStatus
from .models import (
    Evaluation,
    FollowUp,
    LearningPlan,
    Training,
    TrainingParticipant,
)

logger = logging.getLogger(__name__)


def _not_in_future(day: date | None, today: date, field: str) -> None:
    if day is not None and day > today:
        raise ValidationError({field: _("This date lies in the future.")})


@transaction.atomic
def save_evaluation(evaluation: Evaluation, *, today: date) -> Evaluation:
    """Validate and save an evaluation. Refused: a date in the future (findings
    come after the evaluation), and a date after which follow-up actions were
    already due."""
    _not_in_future(evaluation.held_on, today, "held_on")
    if evaluation.pk:
        early = evaluation.follow_ups.filter(due_on__lt=evaluation.held_on)
        if early.exists():
            raise ValidationError(
                {
                    "held_on": _(
                        "Follow-up actions of this evaluation fall due before it."
                    )
                }
            )
    evaluation.theme = evaluation.theme.strip()
    evaluation.full_clean()
    evaluation.save()
    return evaluation


@transaction.atomic
def store_report(evaluation: Evaluation, upload: Any, user: Any) -> Document:
    """Check the report file by its content and keep it with the evaluation, both
    or neither. It is a document of the room: its staff and the board read it."""
    document = store_document(
        upload,
        title=_("Evaluation report: %(theme)s") % {"theme": evaluation.theme},
        user=user,
        room_id=evaluation.room_id,
    )
    evaluation.report = document
    evaluation.save(update_fields=["report", "updated_at"])
    logger.info("evaluation report stored evaluation=%s", evaluation.uuid)
    return document


@transaction.atomic
def add_follow_up(
    evaluation: Evaluation, *, action: str, owner: Any, due_on: date
) -> FollowUp:
    """Give an evaluation a follow-up action. Refused: a due date before the
    evaluation, and an owner who could not open the evaluation to see it through."""
    if due_on < evaluation.held_on:
        raise ValidationError(
            {"due_on": _("A follow-up action cannot fall due before the evaluation.")}
        )
    if not owner.has_perm("development.change_evaluation", evaluation):
        raise ValidationError(
            {"owner": _("The owner must be the room's staff or a board member.")}
        )
    follow_up = FollowUp(
        evaluation=evaluation, action=action.strip(), owner=owner, due_on=due_on
    )
    follow_up.full_clean()
    follow_up.save()
    return follow_up


@transaction.atomic
def complete_follow_up(follow_up: FollowUp, *, done_on: date, today: date) -> FollowUp:
    """Record that a follow-up action was done, once: on a day between the
    evaluation and today."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.done_on is not None:
        raise ValidationError(_("This action was done already."))
    _not_in_future(done_on, today, "done_on")
    if done_on < follow_up.evaluation.held_on:
        raise ValidationError(
            {"done_on": _("An action cannot be done before the evaluation.")}
        )
    follow_up.done_on = done_on
    follow_up.save(update_fields=["done_on", "updated_at"])
    return follow_up


@transaction.atomic
def save_learning_plan(plan: LearningPlan, *, today: date) -> LearningPlan:
    """Validate and save a learning plan. Refused: a second plan of the room for
    the same year, and a year before the cooperative or beyond the next."""
    if not FIRST_PLAN_YEAR <= plan.year <= today.year + 1:
        raise ValidationError(
            {
                "year": _("Choose a year from %(first)s to %(last)s.")
                % {"first": FIRST_PLAN_YEAR, "last": today.year + 1}
            }
        )
    twice = LearningPlan.objects.filter(room_id=plan.room_id, year=plan.year)
    if twice.exclude(pk=plan.pk).exists():
        raise ValidationError(
            {"year": _("This room has a learning plan for that year.")}
        )
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def save_training(training: Training, *, today: date) -> Training:
    """Validate and save a training. Refused: a held training that has not
    started yet, a planned one with completions, and dates that would put
    recorded completions before the training's last day."""
    if training.status == TrainingStatus.HELD and training.starts_on > today:
        raise ValidationError(
            {"status": _("A training that has not started cannot have been held.")}
        )
    if training.pk:
        completed = training.participants.filter(completed_on__isnull=False)
        if training.status == TrainingStatus.PLANNED and completed.exists():
            raise ValidationError(
                {"status": _("People completed this training: it was held.")}
            )
        if completed.filter(completed_on__lt=training.last_day).exists():
            raise ValidationError(
                {"starts_on": _("Completions were recorded before these dates.")}
            )
    training.title = training.title.strip()
    training.full_clean()
    training.save()
    return training


@transaction.atomic
def add_participant(training: Training, person: Person) -> TrainingParticipant:
    """Enrol a person of the training's room, once, unless they are excluded
    from the room on the training's days."""
    if not person.rooms.filter(pk=training.room_id).exists():
        raise ValidationError(
            {"person": _("Only people of this room can take part in its trainings.")}
        )
    if training.participants.filter(person=person).exists():
        raise ValidationError({"person": _("This person takes part already.")})
    # Nobody temporarily excluded from the room takes part in its trainings
    # (DESIGN.md section 5); mediation says who is, on which days.
    for day in {training.starts_on, training.last_day}:
        refusal = participation_refusal(person, training.room_id, day)
        if refusal:
            raise ValidationError({"person": refusal})
    return TrainingParticipant.objects.create(training=training, person=person)


@transaction.atomic
def record_completion(
    participant: TrainingParticipant, *, completed_on: date | None, today: date
) -> TrainingParticipant:
    """Record when a participant completed the training, or clear it with None.
    A completion lies on or after the training's last day and not after today;
    it shows the training was held."""
    participant = TrainingParticipant.objects.select_for_update().get(pk=participant.pk)
    training = Training.objects.select_for_update().get(pk=participant.training_id)
    if completed_on is not None:
        _not_in_future(completed_on, today, "completed_on")
        if completed_on < training.last_day:
            raise ValidationError(
                {"completed_on": _("A training is completed on or after its last day.")}
            )
        if training.status != TrainingStatus.HELD:
            training.status = TrainingStatus.HELD
            training.save(update_fields=["status", "updated_at"])
    participant.completed_on = completed_on
    participant.save(update_fields=["completed_on", "updated_at"])
    return participant
