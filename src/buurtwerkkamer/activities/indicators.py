"""The indicators result obligations are measured by, computed from the sessions
for many rooms at once: each is one or two grouped queries whatever the number of
rooms (see `queries.figures_per_room`)."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.registry import Indicator, register_indicator

from .queries import figures_per_room, per_week


def visitors_per_week(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Decimal]:
    """Visitors in the period divided by the number of weeks in it."""
    figures = figures_per_room(room_ids, start, end)
    return {room: per_week(each.visitors, start, end) for room, each in figures.items()}


def active_volunteers(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Decimal]:
    """Distinct volunteers present at least once in the period."""
    figures = figures_per_room(room_ids, start, end)
    return {room: Decimal(each.volunteers) for room, each in figures.items()}


def volunteer_hours(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Decimal]:
    figures = figures_per_room(room_ids, start, end)
    return {room: each.hours for room, each in figures.items()}


def activities_held(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Decimal]:
    """Sessions held in the period."""
    figures = figures_per_room(room_ids, start, end)
    return {room: Decimal(each.sessions) for room, each in figures.items()}


def register() -> None:
    register_indicator(
        Indicator(
            "visitors_per_week",
            _("Visitors per week"),
            _("visitors per week"),
            visitors_per_week,
            10,
        )
    )
    register_indicator(
        Indicator(
            "active_volunteers",
            _("Active volunteers"),
            _("volunteers"),
            active_volunteers,
            11,
        )
    )
    register_indicator(
        Indicator(
            "volunteer_hours", _("Volunteer hours"), _("hours"), volunteer_hours, 12
        )
    )
    register_indicator(
        Indicator(
            "activities_held", _("Activities held"), _("sessions"), activities_held, 13
        )
    )
