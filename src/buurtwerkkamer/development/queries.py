"""Reads of the development pages: the records a URL points at, from what the
user may see, and the lists with their counts in a fixed number of queries."""

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from buurtwerkkamer.rooms.models import Room

from .models import Evaluation, FollowUp, LearningPlan, Training, TrainingParticipant


def evaluation_for(user: Any, evaluation: str) -> Evaluation:
    return get_object_or_404(
        Evaluation.objects.visible_to(user).select_related(
            "room", "organisation", "report"
        ),
        uuid=evaluation,
    )


def plan_for(user: Any, plan: str) -> LearningPlan:
    return get_object_or_404(
        LearningPlan.objects.visible_to(user).select_related("room"), uuid=plan
    )


def training_for(user: Any, training: str) -> Training:
    return get_object_or_404(
        Training.objects.visible_to(user).select_related("room", "learning_plan"),
        uuid=training,
    )


def follow_up_for(user: Any, followup: str) -> FollowUp:
    return get_object_or_404(
        FollowUp.objects.visible_to(user).select_related("evaluation__room"),
        uuid=followup,
    )


def participant_for(user: Any, participant: str) -> TrainingParticipant:
    return get_object_or_404(
        TrainingParticipant.objects.visible_to(user).select_related(
            "training__room", "person"
        ),
        uuid=participant,
    )


def with_counts(trainings: QuerySet[Training]) -> QuerySet[Training]:
    """Trainings with how many take part and how many completed: counts, no
    names, so every reader may see them."""
    counted = trainings.annotate(
        participant_count=Count("participants"),
        completed_count=Count(
            "participants", filter=Q(participants__completed_on__isnull=False)
        ),
    )
    # Grouping drops the model's ordering; in date order a volunteer reads
    # what comes next.
    return counted.order_by("starts_on", "title")


def evaluations_of(room: Room, year: int) -> QuerySet[Evaluation]:
    return (
        room.evaluations.filter(held_on__year=year)
        .select_related("organisation", "report")
        .annotate(
            open_actions=Count("follow_ups", filter=Q(follow_ups__done_on__isnull=True))
        )
        .order_by("-held_on", "theme")
    )


def rooms_with_development(rooms: QuerySet[Room], year: int) -> QuerySet[Room]:
    """Rooms with, for the year, whether they have a learning plan and how many
    trainings and evaluations they held. The counts are `distinct` because the
    two joins multiply one another's rows."""
    plan = LearningPlan.objects.filter(room=OuterRef("pk"), year=year)
    return rooms.annotate(
        has_plan=Exists(plan),
        training_count=Count(
            "trainings", filter=Q(trainings__starts_on__year=year), distinct=True
        ),
        evaluation_count=Count(
            "evaluations", filter=Q(evaluations__held_on__year=year), distinct=True
        ),
    ).order_by("name")
