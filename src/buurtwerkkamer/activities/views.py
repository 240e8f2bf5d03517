"""Pages of a room's activities: the list and schedule, an activity with its
sessions, recording a session on a phone, and the figures of a room and across
rooms."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from buurtwerkkamer.core.exports import Row, csv_response, xlsx_response
from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import queries, services
from .forms import ActivityForm, SessionForm
from .models import Activity, Session

FIRST_YEAR, LAST_YEAR = 2000, 2100


def year_of(request: HttpRequest) -> int:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("jaar", today.year))
    except ValueError:
        return today.year
    return year if FIRST_YEAR <= year <= LAST_YEAR else today.year


@guard("activities.view_activities", load=room_for)
def room_activities(request: HttpRequest, room: Room) -> HttpResponse:
    today = timezone.localdate()
    activities = list(queries.activities_of(room))
    context = {
        "room": room,
        "running": [activity for activity in activities if activity.runs_on(today)],
        "other": [activity for activity in activities if not activity.runs_on(today)],
    }
    return render(request, "activities/room.html", context)


@guard("activities.add_activity", load=room_for)
def activity_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = ActivityForm(
        request.POST or None,
        people=queries.volunteers_of(room),
        initial={"active_from": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_activity(room, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The activity has been added."))
            return redirect(activity)
    return form_page(
        request,
        form,
        _("New activity of %(room)s") % {"room": room},
        cancel_url=reverse("activities:room", kwargs={"room": room.slug}),
    )


@guard("activities.change_activity", load=queries.activity_for)
def activity_edit(request: HttpRequest, activity: Activity) -> HttpResponse:
    form = ActivityForm(
        request.POST or None,
        people=queries.volunteers_of(activity.room),
        instance=Activity.objects.get(pk=activity.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_activity(activity, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The activity has been changed."))
            return redirect(activity)
    return form_page(
        request,
        form,
        _("Change %(activity)s") % {"activity": activity},
        cancel_url=activity.get_absolute_url(),
    )


@guard("activities.view_activity", load=queries.activity_for)
def activity_detail(request: HttpRequest, activity: Activity) -> HttpResponse:
    sessions = queries.sessions_of(activity)
    context = {
        "activity": activity,
        "room": activity.room,
        "page": Paginator(sessions, 25).get_page(request.GET.get("page")),
        "running": activity.runs_on(timezone.localdate()),
    }
    return render(request, "activities/activity.html", context)


@guard("activities.record_session", load=queries.activity_for)
def session_record(request: HttpRequest, activity: Activity) -> HttpResponse:
    today = timezone.localdate()
    form = _session_form(request, activity, {"held_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_session(
                activity, request.user, **_session_input(data), today=today
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The session of %(date)s has been recorded.")
                % {"date": date_format(data["held_on"], "j F Y")},
            )
            return redirect(activity)
    return _session_page(request, activity, form, _("Record a session"))


@guard("activities.change_session", load=queries.session_for)
def session_correct(request: HttpRequest, session: Session) -> HttpResponse:
    activity = session.activity
    initial: dict[str, Any] = {
        "held_on": session.held_on,
        "visitors": session.visitors,
        "notes": session.notes,
        "participants": [row.person_id for row in session.participants.all()],
    }
    for present in session.volunteers.all():
        initial[f"present_{present.person_id}"] = True
        initial[f"hours_{present.person_id}"] = present.hours
    form = _session_form(request, activity, initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_session(
                session,
                **_session_input(form.cleaned_data),
                today=timezone.localdate(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The session has been corrected."))
            return redirect(activity)
    title = _("Correct the session of %(date)s") % {
        "date": date_format(session.held_on, "j F Y")
    }
    return _session_page(request, activity, form, title)


def _session_form(
    request: HttpRequest, activity: Activity, initial: dict[str, Any]
) -> SessionForm:
    people = list(queries.volunteers_of(activity.room))
    return SessionForm(
        request.POST or None,
        people=people,
        hours=activity.usual_hours,
        participants=people if activity.needs_participants else None,
        initial=initial,
    )


def _session_input(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "held_on": data["held_on"],
        "visitors": data["visitors"],
        "volunteers": data["volunteers"],
        "participants": data.get("participants") or (),
        "notes": data["notes"],
    }


def _session_page(
    request: HttpRequest, activity: Activity, form: SessionForm, title: str
) -> HttpResponse:
    status = 400 if form.is_bound and form.errors else 200
    context = {
        "activity": activity,
        "room": activity.room,
        "form": form,
        "title": title,
    }
    return render(request, "activities/record.html", context, status=status)


# Figures.


def _chart(labels: list[str], datasets: list[tuple[str, list[Any]]]) -> dict:
    """Figures for core/charts.js, as text so that hours keep their cents."""
    return {
        "labels": labels,
        "datasets": [
            {"label": label, "data": [str(value) for value in values]}
            for label, values in datasets
        ],
    }


def _week_charts(weeks: list[queries.WeekRow]) -> dict[str, dict]:
    labels = [str(row.number) for row in weeks]
    return {
        "visitors_chart": _chart(
            labels, [(_("Visitors"), [row.figures.visitors for row in weeks])]
        ),
        "hours_chart": _chart(
            labels, [(_("Volunteer hours"), [row.figures.hours for row in weeks])]
        ),
    }


FIGURE_HEADER = [
    _lazy("Sessions"),
    _lazy("Visitors"),
    _lazy("Volunteer hours"),
    _lazy("Active volunteers"),
]


def _figure_cells(figures: queries.Figures) -> list[Any]:
    return [figures.sessions, figures.visitors, figures.hours, figures.volunteers]


def _download(
    request: HttpRequest, filename: str, title: str, header: Row, rows: list[Row]
) -> HttpResponse | None:
    """The table asked for with ?format=csv or ?format=xlsx; None for the page."""
    wanted = request.GET.get("format")
    if wanted == "csv":
        return csv_response(f"{filename}.csv", header, rows)
    if wanted == "xlsx":
        return xlsx_response(f"{filename}.xlsx", title, header, rows)
    return None


@guard("activities.view_activities", load=room_for)
def room_figures(request: HttpRequest, room: Room) -> HttpResponse:
    year = year_of(request)
    report = queries.room_year(room, year, timezone.localdate())
    download = _download(
        request,
        f"{room.slug}-activiteiten-{year}",
        f"{room.name} {year}",
        [_("Week"), _("From"), *map(str, FIGURE_HEADER)],
        [[row.number, row.monday, *_figure_cells(row.figures)] for row in report.weeks],
    )
    if download is not None:
        return download
    context = {
        "room": room,
        "year": year,
        "report": report,
        "previous": year - 1 if year > FIRST_YEAR else None,
        "next": year + 1 if year < LAST_YEAR else None,
        **_week_charts(report.weeks),
    }
    return render(request, "activities/figures_room.html", context)


@guard("activities.view_overview")
def overview(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    page = Paginator(queries.overview_rooms(request.user), 50).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    if request.GET.get("format"):
        # A download holds every room, not the page's fifty.
        everything = queries.overview(queries.overview_rooms(request.user), year, today)
        download = _download(
            request,
            f"activiteiten-{year}",
            _("Activities %(year)s") % {"year": year},
            [_("Room"), *map(str, FIGURE_HEADER), _("Visitors per week")],
            [
                [row.room.name, *_figure_cells(row.figures), row.visitors_per_week]
                for row in everything.rows
            ],
        )
        if download is not None:
            return download
    report = queries.overview(page.object_list, year, today)
    context = {
        "year": year,
        "page": page,
        "report": report,
        "previous": year - 1 if year > FIRST_YEAR else None,
        "next": year + 1 if year < LAST_YEAR else None,
        "rooms_chart": _chart(
            [row.room.name for row in report.rows],
            [(_("Visitors per week"), [row.visitors_per_week for row in report.rows])],
        ),
        **_week_charts(report.weeks),
    }
    return render(request, "activities/overview.html", context)
