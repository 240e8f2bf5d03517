"""Reads of the placement pages: the case file a URL points at, from what the
user may see, and the room's lists in a fixed number of queries."""

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from buurtwerkkamer.rooms.models import Room

from .constants import CandidateStatus
from .models import Candidate, Placement, Signal


def candidate_for(user: Any, candidate: str) -> Candidate:
    return get_object_or_404(
        Candidate.objects.visible_to(user).select_related(
            "room", "person", "vacancy", "referred_by", "referral_contact"
        ),
        uuid=candidate,
    )


def placement_for(user: Any, placement: str) -> Placement:
    return get_object_or_404(
        Placement.objects.visible_to(user).select_related(
            "room", "candidate__person", "candidate__referred_by", "contract"
        ),
        uuid=placement,
    )


def signal_for(user: Any, signal: str) -> Signal:
    return get_object_or_404(
        Signal.objects.visible_to(user).select_related(
            "placement__room",
            "placement__candidate__person",
            "placement__candidate__referred_by",
        ),
        uuid=signal,
    )


def rooms_with_counts(rooms: QuerySet[Room]) -> QuerySet[Room]:
    """Per room: candidates still in selection, placements running, signals
    open. Each count is `distinct` as the joins multiply one another's rows."""
    in_selection = Q(
        candidates__status__in=[
            CandidateStatus.REGISTERED,
            CandidateStatus.ACCEPTED,
            CandidateStatus.WAITING,
        ]
    )
    return rooms.annotate(
        candidate_count=Count("candidates", filter=in_selection, distinct=True),
        placement_count=Count(
            "placements", filter=Q(placements__ended_on__isnull=True), distinct=True
        ),
        signal_count=Count(
            "placements__signals",
            filter=Q(placements__signals__resolved_on__isnull=True),
            distinct=True,
        ),
    ).order_by("name")
