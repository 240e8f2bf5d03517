"""What the sessions add up to: a room's year week by week, its years side by
side, and the rooms of the cooperative next to each other.

Each figure is a fixed number of grouped queries, whatever the number of rooms,
weeks and sessions: the database groups by room, week or year and the rows are
put together here. Hours are rounded back to cents, because SQLite adds decimals
as floating point."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, QuerySet, Sum
from django.db.models.functions import ExtractYear, TruncWeek
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.money import to_money
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .models import Activity, Session, SessionVolunteer

ZERO = Decimal("0.00")
WEEK = Decimal(7)


def activity_for(user: Any, activity: str) -> Activity:
    """The activity by its UUID, if the user may see its room; 404 otherwise."""
    return get_object_or_404(
        Activity.objects.visible_to(user).select_related("room", "leader"),
        uuid=activity,
    )


def session_for(user: Any, session: str) -> Session:
    """The session by its UUID, if the user may see its room; 404 otherwise."""
    return get_object_or_404(
        Session.objects.visible_to(user).select_related(
            "activity__room", "activity__leader", "room"
        ),
        uuid=session,
    )


def activities_of(room: Room) -> QuerySet[Activity]:
    return room.activities.select_related("leader").order_by("name")


def running_on(room: Room, day: date) -> list[Activity]:
    """The room's schedule: the activities that run on `day`."""
    return [activity for activity in activities_of(room) if activity.runs_on(day)]


def volunteers_of(room: Room) -> QuerySet[Person]:
    """The people a session of this room can record as present."""
    return room.people.order_by("first_name", "last_name")


def sessions_of(activity: Activity) -> QuerySet[Session]:
    """An activity's sessions, newest first, with who was there in two queries
    whatever the number of sessions."""
    volunteers = SessionVolunteer.objects.select_related("person").order_by(
        "person__first_name"
    )
    return (
        activity.sessions.select_related("recorded_by")
        .prefetch_related(
            Prefetch("volunteers", volunteers),
            Prefetch("participants__person"),
        )
        .order_by("-held_on", "-starts_at")
    )


# Figures.


@dataclass(frozen=True)
class Figures:
    sessions: int = 0
    visitors: int = 0
    hours: Decimal = ZERO
    # Distinct people: the volunteers of a year are not the sum of its weeks.
    volunteers: int = 0


def weeks_in(start: date, end: date) -> Decimal:
    """The number of weeks in a period, both days included, as a fraction."""
    if end < start:
        raise ValidationError(_("A period cannot end before it starts."))
    return Decimal((end - start).days + 1) / WEEK


def per_week(visitors: int, start: date, end: date) -> Decimal:
    return (Decimal(visitors) / weeks_in(start, end)).quantize(Decimal("0.01"))


def sessions_in(room_ids: Iterable[int], start: date, end: date) -> QuerySet[Session]:
    return Session.objects.filter(
        room_id__in=list(room_ids), held_on__gte=start, held_on__lte=end
    )


def presence_in(
    room_ids: Iterable[int], start: date, end: date
) -> QuerySet[SessionVolunteer]:
    return SessionVolunteer.objects.filter(
        session__room_id__in=list(room_ids),
        session__held_on__gte=start,
        session__held_on__lte=end,
    )


def figures_per_room(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Figures]:
    """Every room's figures over the period, in two queries for all rooms."""
    ids = list(room_ids)
    if end < start:
        raise ValidationError(_("A period cannot end before it starts."))
    held = (
        sessions_in(ids, start, end)
        .order_by()
        .values("room_id")
        .annotate(sessions=Count("pk"), visitors=Sum("visitors"))
    )
    present = (
        presence_in(ids, start, end)
        .order_by()
        .values("session__room_id")
        .annotate(hours=Sum("hours"), volunteers=Count("person", distinct=True))
    )
    by_room = {row["room_id"]: row for row in held}
    hours = {row["session__room_id"]: row for row in present}
    return {room: _figures(by_room.get(room), hours.get(room)) for room in ids}


def _figures(
    held: Mapping[str, Any] | None, present: Mapping[str, Any] | None
) -> Figures:
    held, present = held or {}, present or {}
    return Figures(
        sessions=held.get("sessions") or 0,
        visitors=held.get("visitors") or 0,
        hours=to_money(present.get("hours") or ZERO),
        volunteers=present.get("volunteers") or 0,
    )


@dataclass(frozen=True)
class WeekRow:
    monday: date
    figures: Figures

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week


@dataclass(frozen=True)
class YearRow:
    year: int
    figures: Figures
    visitors_per_week: Decimal


@dataclass(frozen=True)
class RoomYear:
    room: Room
    year: int
    # The last day counted: the year's end, or today in the current year.
    until: date
    weeks: list[WeekRow]
    total: Figures
    visitors_per_week: Decimal
    years: list[YearRow]


def counted_until(year: int, today: date) -> date | None:
    """The last day of the year that can hold sessions; None for a year to come."""
    if year > today.year:
        return None
    return min(date(year, 12, 31), today)


def room_year(room: Room, year: int, today: date) -> RoomYear:
    """A room's year week by week, its total, and every year it held sessions; in
    five queries."""
    start = date(year, 1, 1)
    until = counted_until(year, today) or start
    weekly = _weekly([room.pk], start, until)
    total = figures_per_room([room.pk], start, until)[room.pk]
    return RoomYear(
        room=room,
        year=year,
        until=until,
        weeks=weekly,
        total=total,
        visitors_per_week=per_week(total.visitors, start, until),
        years=_years(room, today),
    )


def _weekly(room_ids: list[int], start: date, until: date) -> list[WeekRow]:
    """One row for every week from the one holding `start` to the one holding
    `until`, the quiet weeks included."""
    held = {
        row["week"]: row
        for row in sessions_in(room_ids, start, until)
        .annotate(week=TruncWeek("held_on"))
        .order_by()
        .values("week")
        .annotate(sessions=Count("pk"), visitors=Sum("visitors"))
    }
    present = {
        row["week"]: row
        for row in presence_in(room_ids, start, until)
        .annotate(week=TruncWeek("session__held_on"))
        .order_by()
        .values("week")
        .annotate(hours=Sum("hours"), volunteers=Count("person", distinct=True))
    }
    rows = []
    monday = start - timedelta(days=start.weekday())
    while monday <= until:
        rows.append(WeekRow(monday, _figures(held.get(monday), present.get(monday))))
        monday += timedelta(days=7)
    return rows


def _years(room: Room, today: date) -> list[YearRow]:
    held = {
        row["year"]: row
        for row in Session.objects.filter(room=room, held_on__lte=today)
        .annotate(year=ExtractYear("held_on"))
        .order_by()
        .values("year")
        .annotate(sessions=Count("pk"), visitors=Sum("visitors"))
    }
    present = {
        row["year"]: row
        for row in SessionVolunteer.objects.filter(
            session__room=room, session__held_on__lte=today
        )
        .annotate(year=ExtractYear("session__held_on"))
        .order_by()
        .values("year")
        .annotate(hours=Sum("hours"), volunteers=Count("person", distinct=True))
    }
    rows = []
    for year in sorted(held, reverse=True):
        figures = _figures(held[year], present.get(year))
        until = counted_until(year, today) or date(year, 12, 31)
        rows.append(
            YearRow(year, figures, per_week(figures.visitors, date(year, 1, 1), until))
        )
    return rows


# Across rooms.


def overview_rooms(user: Any) -> QuerySet[Room]:
    """The rooms whose figures the user compares: every room that has activities
    for the cooperative's readers, the coached rooms for a project coach."""
    roles = roles_of(user)
    rooms = Room.objects.filter(activities__isnull=False).distinct()
    if not roles.reads_finance:
        rooms = rooms.filter(pk__in=roles.rooms_as(Role.PROJECT_COACH))
    return rooms.order_by("name")


@dataclass(frozen=True)
class RoomRow:
    room: Room
    figures: Figures
    visitors_per_week: Decimal


@dataclass(frozen=True)
class Overview:
    year: int
    until: date
    rows: list[RoomRow]
    weeks: list[WeekRow]

    @property
    def total(self) -> Figures:
        """Sessions, visitors and hours add up; the volunteers here are the sum of
        each room's, as one person who helps in two rooms counts in both."""
        figures = [row.figures for row in self.rows]
        return Figures(
            sessions=sum(f.sessions for f in figures),
            visitors=sum(f.visitors for f in figures),
            hours=to_money(sum((f.hours for f in figures), ZERO)),
            volunteers=sum(f.volunteers for f in figures),
        )


def overview(rooms: Iterable[Room], year: int, today: date) -> Overview:
    """The given rooms side by side over the year so far, and their weeks
    together; four queries whatever the number of rooms."""
    rooms = list(rooms)
    start = date(year, 1, 1)
    until = counted_until(year, today) or start
    ids = [room.pk for room in rooms]
    figures = figures_per_room(ids, start, until)
    rows = [
        RoomRow(
            room, figures[room.pk], per_week(figures[room.pk].visitors, start, until)
        )
        for room in rooms
    ]
    return Overview(year, until, rows, _weekly(ids, start, until))
