from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.partners.models import ContactPerson
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services
from .constants import MeetingKind, MeetingStatus
from .forms import (
    ActionItemForm,
    AgendaForm,
    DoneForm,
    InviteForm,
    MeetingForm,
    MinutesForm,
    WhenForm,
)
from .models import ActionItem, Meeting
from .queries import (
    active_people,
    all_meetings,
    attendee_rows,
    meetings_of_room,
    possible_owners,
    room_users,
)

PAGE_SIZE = 25


def meeting_for(user: Any, meeting: str) -> Meeting:
    return get_object_or_404(
        Meeting.objects.visible_to(user).select_related("room"), uuid=meeting
    )


def action_for(user: Any, action: str) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.visible_to(user).select_related("meeting__room"),
        uuid=action,
    )


@guard("meetings.list_all")
def all_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "")
    kind = kind if kind in MeetingKind.values else ""
    status = status if status in MeetingStatus.values else ""
    meetings = all_meetings(request.user, kind=kind, status=status)
    context = {
        "page": Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page")),
        "kinds": MeetingKind.choices,
        "statuses": MeetingStatus.choices,
        "kind": kind,
        "status": status,
    }
    return render(request, "meetings/all_list.html", context)


@guard("meetings.list_meetings", load=room_for)
def room_list(request: HttpRequest, room: Room) -> HttpResponse:
    meetings = meetings_of_room(request.user, room)
    context = {
        "room": room,
        "page": Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "meetings/room_list.html", context)


@guard("meetings.add_meeting", load=room_for)
def create(request: HttpRequest, room: Room) -> HttpResponse:
    return _plan(request, room, cancel_url=reverse("meetings:room", args=[room.slug]))


@guard("meetings.add_cooperative_meeting")
def create_cooperative(request: HttpRequest) -> HttpResponse:
    return _plan(request, None, cancel_url=reverse("meetings:all"))


def _plan(request: HttpRequest, room: Room | None, cancel_url: str) -> HttpResponse:
    form = MeetingForm(request.POST or None, cooperative=room is None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.plan_meeting(
                request.user, room=room, **form.meeting_data()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meeting has been planned."))
            return redirect(meeting)
    if room is None:
        title = _("Plan a meeting of the cooperative")
    else:
        title = _("Plan a meeting of %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=cancel_url)


@guard("meetings.view_meeting", load=meeting_for)
def detail(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "meeting": meeting,
        "room": meeting.room,
        "today": today,
        "started": meeting.starts_at <= timezone.now(),
        "attendees": attendee_rows(meeting, request.user),
        "decisions": meeting.decisions.all(),
        "actions": meeting.action_items.select_related("owner"),
    }
    return render(request, "meetings/meeting_detail.html", context)


@guard("meetings.change_meeting", load=meeting_for)
def reschedule(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = WhenForm(request.POST or None, initial=WhenForm.initial_for(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.reschedule_meeting(meeting, request.user, **form.when_data())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meeting has been rescheduled."))
            return redirect(meeting)
    title = _("Reschedule %(meeting)s") % {"meeting": meeting}
    return form_page(request, form, title, cancel_url=meeting.get_absolute_url())


@guard("meetings.change_meeting", load=meeting_for)
def agenda(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = AgendaForm(request.POST or None, initial={"agenda": meeting.agenda})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_agenda(meeting, request.user, form.cleaned_data["agenda"])
        except ValidationError as error:
            apply_errors(form, error, field="agenda")
        else:
            messages.success(request, _("The agenda has been saved."))
            return redirect(meeting)
    title = _("Agenda of %(meeting)s") % {"meeting": meeting}
    return form_page(request, form, title, cancel_url=meeting.get_absolute_url())


def invite_choices(meeting: Meeting) -> dict[str, Any]:
    room = meeting.room
    if room is None:
        return {"users": possible_owners(meeting)}
    return {
        "people": active_people(room, timezone.localdate()).order_by(
            "last_name", "first_name"
        ),
        "contacts": ContactPerson.objects.filter(
            organisation__in=room.partners.all()
        ).select_related("organisation"),
        "users": room_users(room).order_by("name"),
    }


@guard("meetings.change_meeting", load=meeting_for)
def invite(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    choices = invite_choices(meeting)
    form = InviteForm(request.POST or None, choices=choices)
    for name in set(form.fields) - set(choices):
        del form.fields[name]
    if request.method == "POST" and form.is_valid():
        try:
            added = services.invite(meeting, request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _invited(added))
            return redirect(meeting)
    title = _("Invite to %(meeting)s") % {"meeting": meeting}
    return form_page(
        request,
        form,
        title,
        cancel_url=meeting.get_absolute_url(),
        submit_label=_("Invite"),
    )


def _invited(added: int) -> str:
    return ngettext(
        "%(count)s invitation added.", "%(count)s invitations added.", added
    ) % {"count": added}


@guard("meetings.change_meeting", load=meeting_for)
@require_POST
def invite_everyone(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    try:
        added = services.invite_everyone(meeting, request.user, timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _invited(added))
    return redirect(meeting)


@guard("meetings.change_meeting", load=meeting_for)
def minutes(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    present = meeting.attendees.filter(present=True)
    form = MinutesForm(
        request.POST or None,
        meeting=meeting,
        initial={"minutes": meeting.minutes, "present": present},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_minutes(
                meeting,
                request.user,
                minutes=data["minutes"],
                present=data["present"],
                decisions=data["decisions"].splitlines(),
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_errors(form, error, field="minutes")
        else:
            messages.success(request, _("The minutes have been recorded."))
            return redirect(meeting)
    title = _("Minutes of %(meeting)s") % {"meeting": meeting}
    return form_page(request, form, title, cancel_url=meeting.get_absolute_url())


@guard("meetings.change_meeting", load=meeting_for)
def action_add(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = ActionItemForm(request.POST or None, owners=possible_owners(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_action_item(meeting, request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The action item has been added."))
            return redirect(meeting)
    title = _("Action item of %(meeting)s") % {"meeting": meeting}
    return form_page(request, form, title, cancel_url=meeting.get_absolute_url())


@guard("meetings.close_action", load=action_for)
@require_POST
def action_done(request: HttpRequest, action: ActionItem) -> HttpResponse:
    form = DoneForm(request.POST)
    if form.is_valid():
        try:
            services.complete_action_item(
                action,
                request.user,
                done_on=form.cleaned_data["done_on"],
                today=timezone.localdate(),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The action item is done."))
    else:
        messages.error(request, _("Enter the date on which it was done."))
    return redirect(action.meeting)
