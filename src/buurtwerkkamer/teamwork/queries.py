"""Reads of the team pages: the records a URL points at, from what the user may
see, and the lists in a fixed number of queries."""

from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from buurtwerkkamer.meetings.constants import MeetingKind
from buurtwerkkamer.meetings.models import Meeting
from buurtwerkkamer.rooms.models import Room

from .models import Breach, HouseRules, PartnerContact, WorkAgreement, YearlyGoal


def rules_for(user: Any, rules: str) -> HouseRules:
    return get_object_or_404(
        HouseRules.objects.visible_to(user).select_related("room", "written_by"),
        uuid=rules,
    )


def breach_for(user: Any, breach: str) -> Breach:
    return get_object_or_404(
        Breach.objects.visible_to(user).select_related(
            "room", "person", "rules", "recorded_by"
        ),
        uuid=breach,
    )


def agreement_for(user: Any, workagreement: str) -> WorkAgreement:
    return get_object_or_404(
        WorkAgreement.objects.visible_to(user).select_related(
            "room", "person", "recorded_by"
        ),
        uuid=workagreement,
    )


def goal_for(user: Any, goal: str) -> YearlyGoal:
    return get_object_or_404(
        YearlyGoal.objects.visible_to(user).select_related("room", "set_by"),
        uuid=goal,
    )


def contact_for(user: Any, contactlog: str) -> PartnerContact:
    return get_object_or_404(
        PartnerContact.objects.visible_to(user).select_related(
            "room", "organisation", "recorded_by"
        ),
        uuid=contactlog,
    )


def goals_of(room: Room, year: int) -> QuerySet[YearlyGoal]:
    return (
        room.yearly_goals.filter(year=year)
        .annotate(note_count=Count("notes"))
        .order_by("goal", "pk")
    )


def coaching_sessions(user: Any, room: Room, year: int) -> QuerySet[Meeting]:
    """The coaching sessions of the room's coordinator that year, as the
    meetings app keeps them; only who may see them gets them."""
    return (
        Meeting.objects.visible_to(user)
        .filter(room=room, kind=MeetingKind.COACHING, starts_at__year=year)
        .order_by("starts_at")
    )
