from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.forms import form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services
from .forms import AdvanceForm, ChecklistItemForm, LocationForm, TalkForm
from .models import ChecklistItem, Location, Talk


def location_for(user: Any, location: str) -> Location:
    return get_object_or_404(
        Location.objects.visible_to(user).select_related("room"), uuid=location
    )


def item_for(user: Any, item: str) -> ChecklistItem:
    return get_object_or_404(
        ChecklistItem.objects.visible_to(user).select_related("room"), uuid=item
    )


def _track_context(request: HttpRequest, room: Room, **extra: Any) -> dict[str, Any]:
    steps = services.timeline(room)
    # The timeline already holds what the next stage lacks; asking again would run
    # the gate's queries twice.
    missing: list[str] = next((s["missing"] for s in steps if s["missing"]), [])
    return {
        "room": room,
        "steps": steps,
        "next_stage": room.next_stage,
        "missing": missing,
        "talks": room.talks.select_related("organisation"),
        "locations": room.locations.select_related("landlord"),
        "checklist": room.checklist.select_related("done_by"),
        "agreements": room.agreements.all(),
        "applications": room.funding_applications.select_related("funder"),
        "changes": room.stage_changes.select_related("changed_by"),
        "advance_form": extra.pop("advance_form", None) or AdvanceForm(),
        **extra,
    }


@guard("startup.view_track", load=room_for)
def track(request: HttpRequest, room: Room) -> HttpResponse:
    return render(request, "startup/track.html", _track_context(request, room))


@guard("startup.advance_stage", load=room_for)
@require_POST
def advance(request: HttpRequest, room: Room) -> HttpResponse:
    form = AdvanceForm(request.POST)
    form.is_valid()
    try:
        change = services.advance(
            room, request.user, reason=form.cleaned_data["reason"]
        )
    except (ValidationError, PermissionDenied) as error:
        messages_ = getattr(error, "messages", None) or [str(error)]
        form.add_error(None, messages_)
        context = _track_context(request, room, advance_form=form)
        return render(request, "startup/track.html", context, status=400)
    messages.success(
        request,
        _("%(room)s is now in stage “%(stage)s”.")
        % {"room": room, "stage": change.get_to_stage_display()},
    )
    return redirect("startup:track", room=room.slug)


@guard("startup.manage_track", load=room_for)
def talk_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = TalkForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        talk = form.save(commit=False)
        talk.room = room
        talk.save()
        messages.success(request, _("The talk has been recorded."))
        return redirect("startup:track", room=room.slug)
    title = _("Record a talk for %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=_track_url(room))


def talk_for(user: Any, talk: str) -> Talk:
    return get_object_or_404(
        Talk.objects.visible_to(user).select_related("room"), uuid=talk
    )


@guard("startup.manage_track", load=talk_for)
def talk_edit(request: HttpRequest, talk: Talk) -> HttpResponse:
    form = TalkForm(request.POST or None, instance=talk, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The talk has been saved."))
        return redirect("startup:track", room=talk.room.slug)
    title = _("Talk with %(organisation)s") % {"organisation": talk.organisation}
    return form_page(request, form, title, cancel_url=_track_url(talk.room))


@guard("startup.manage_track", load=room_for)
def location_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = LocationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        location = form.save(commit=False)
        location.room = room
        location.save()
        messages.success(request, _("The location has been added."))
        return redirect("startup:track", room=room.slug)
    title = _("Candidate location for %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=_track_url(room))


@guard("startup.manage_track", load=location_for)
def location_edit(request: HttpRequest, location: Location) -> HttpResponse:
    form = LocationForm(request.POST or None, instance=location, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The location has been saved."))
        return redirect("startup:track", room=location.room.slug)
    title = _("Location %(location)s") % {"location": location}
    return form_page(request, form, title, cancel_url=_track_url(location.room))


@guard("startup.manage_track", load=room_for)
def checklist_add(request: HttpRequest, room: Room) -> HttpResponse:
    form = ChecklistItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_checklist_item(room, **form.cleaned_data)
        messages.success(request, _("The step has been added to the checklist."))
        return redirect(f"{_track_url(room)}#checklist")
    title = _("Add a step to the checklist of %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=_track_url(room))


@guard("startup.manage_track", load=location_for)
@require_POST
def location_choose(request: HttpRequest, location: Location) -> HttpResponse:
    services.choose_location(location)
    messages.success(
        request, _("%(location)s is the chosen location.") % {"location": location}
    )
    return redirect("startup:track", room=location.room.slug)


@guard("startup.manage_track", load=room_for)
@require_POST
def checklist_start(request: HttpRequest, room: Room) -> HttpResponse:
    services.start_checklist(room)
    return redirect("startup:track", room=room.slug)


@guard("startup.tick_checklist", load=item_for)
@require_POST
def checklist_tick(request: HttpRequest, item: ChecklistItem) -> HttpResponse:
    done = request.POST.get("done") == "1"
    services.tick(item, request.user, done=done, today=timezone.localdate())
    return redirect(f"{_track_url(item.room)}#checklist")


def _track_url(room: Room) -> str:
    return reverse("startup:track", kwargs={"room": room.slug})
