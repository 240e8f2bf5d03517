"""Reads of the mediation pages: case files from what the user may see, and
the list of current exclusions that the whole team sees."""

from datetime import date
from typing import Any

from django.db.models import Count, F, QuerySet
from django.shortcuts import get_object_or_404

from buurtwerkkamer.rooms.models import Room

from .models import Exclusion, MediationCase


def case_for(user: Any, case: str) -> MediationCase:
    return get_object_or_404(
        MediationCase.objects.visible_to(user).select_related("room", "opened_by"),
        uuid=case,
    )


def exclusion_for(user: Any, exclusion: str) -> Exclusion:
    return get_object_or_404(
        Exclusion.objects.visible_to(user).select_related(
            "room", "person", "decided_by", "case"
        ),
        uuid=exclusion,
    )


def current_exclusions(room: Room, today: date) -> list[tuple[str, date]]:
    """Who is excluded from the room today and until when: names and last days
    only, never the reason or the case, for everyone who works in the room."""
    running = Exclusion.objects.filter(
        room=room, starts_on__lte=today, ends_on__gte=today
    ).order_by("ends_on", "person__last_name")
    return [
        (f"{first} {last}", ends_on)
        for first, last, ends_on in running.values_list(
            "person__first_name", "person__last_name", "ends_on"
        )
    ]


def cases_of(room: Room) -> QuerySet[MediationCase]:
    """Open cases first, then the closed ones, latest first."""
    counted = room.mediation_cases.annotate(session_count=Count("sessions"))
    return counted.order_by(F("closed_on").desc(nulls_first=True), "-opened_on", "-pk")
