"""The partner portal: for each room the partner's organisation is party to,
its published reports and a few key figures over the years. Counts only,
nothing about named people, nothing unpublished."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import indicator
from buurtwerkkamer.rooms.models import Room

from .models import AnnualReport
from .render import Chart, bars, format_number

KEY_FIGURES = (
    "visitors_per_week",
    "active_volunteers",
    "volunteer_hours",
    "activities_held",
)
YEARS = 4


@dataclass(frozen=True)
class RoomFigures:
    room: Room
    years: list[int]
    # Per key figure: its label and its value per year, as read.
    rows: list[tuple[str, list[str]]]
    chart: Chart
    reports: list[AnnualReport]


def partner_rooms(user: Any) -> list[Room]:
    return list(
        Room.objects.filter(pk__in=p.roles_of(user).partner_rooms).order_by("name")
    )


def room_figures(user: Any, rooms: list[Room], today: date) -> list[RoomFigures]:
    """Each room's key figures for the last years (one query or a few per
    figure and year for all rooms together) and its published reports."""
    years = list(range(today.year - YEARS + 1, today.year + 1))
    ids = [room.pk for room in rooms]
    values: dict[str, dict[int, dict[int, Decimal]]] = {}
    labels: dict[str, str] = {}
    for code in KEY_FIGURES:
        measured = indicator(code)
        if measured is None:
            continue
        labels[code] = str(measured.label)
        values[code] = {
            year: measured.compute(
                ids, date(year, 1, 1), min(date(year, 12, 31), today)
            )
            for year in years
        }
    reports = (
        AnnualReport.objects.visible_to(user)
        .filter(room__in=ids)
        .select_related("funder")
    )
    by_room: dict[int, list[AnnualReport]] = {}
    for report in reports.order_by("-year"):
        by_room.setdefault(report.room_id or 0, []).append(report)
    found = []
    for room in rooms:
        rows = [
            (
                labels[code],
                [
                    format_number(values[code][year].get(room.pk, Decimal(0)))
                    for year in years
                ],
            )
            for code in values
        ]
        visitors = values.get("visitors_per_week", {})
        chart = bars(
            [
                (
                    str(year),
                    visitors.get(year, {}).get(room.pk, Decimal(0)),
                    format_number(visitors.get(year, {}).get(room.pk, Decimal(0))),
                )
                for year in years
            ]
        )
        found.append(RoomFigures(room, years, rows, chart, by_room.get(room.pk, [])))
    return found
