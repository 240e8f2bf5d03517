from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard

from .constants import Stage
from .forms import BankAccountForm, OperatingStageForm, RoomForm
from .models import Room
from .queries import room_for, rooms_for
from .services import create_room, set_operating_stage, update_bank_account


@guard("rooms.list_rooms")
def room_list(request: HttpRequest) -> HttpResponse:
    stage = request.GET.get("stage", "")
    search = request.GET.get("q", "").strip()
    rooms = rooms_for(request.user, stage=stage, search=search)
    page = Paginator(rooms, 25).get_page(request.GET.get("page"))
    context = {"page": page, "stages": Stage.choices, "stage": stage, "q": search}
    return render(request, "rooms/room_list.html", context)


@guard("rooms.view_room", load=room_for)
def room_detail(request: HttpRequest, room: Room) -> HttpResponse:
    partners = room.partners.all()
    return render(
        request, "rooms/room_detail.html", {"room": room, "partners": partners}
    )


@guard("rooms.add_room")
def room_create(request: HttpRequest) -> HttpResponse:
    form = RoomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        room = create_room(form.save(commit=False))
        messages.success(request, _("The room has been created."))
        return redirect(room)
    return form_page(request, form, _("New room"))


@guard("rooms.change_room", load=room_for)
def room_edit(request: HttpRequest, room: Room) -> HttpResponse:
    form = RoomForm(request.POST or None, instance=room)
    if request.method == "POST" and form.is_valid():
        room = form.save()
        messages.success(request, _("The room has been saved."))
        return redirect(room)
    title = _("Edit %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=room.get_absolute_url())


@guard("rooms.change_operating_stage", load=room_for)
def operating_stage_edit(request: HttpRequest, room: Room) -> HttpResponse:
    form = OperatingStageForm(request.POST or None, initial={"stage": room.stage})
    if request.method == "POST" and form.is_valid():
        try:
            set_operating_stage(room, form.cleaned_data["stage"])
        except ValidationError as error:
            apply_errors(form, error, field="stage")
        else:
            messages.success(request, _("The stage of the room has been changed."))
            return redirect(room)
    title = _("Pause, close or reopen %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=room.get_absolute_url())


@guard("rooms.change_bank_account", load=room_for)
def bank_account_edit(request: HttpRequest, room: Room) -> HttpResponse:
    form = BankAccountForm(request.POST or None, instance=room, user=request.user)
    if request.method == "POST" and form.is_valid():
        update_bank_account(
            room, form.cleaned_data["bank_iban"], form.cleaned_data["bank_holder"]
        )
        messages.success(request, _("The business account has been changed."))
        return redirect(room)
    title = _("Business account of %(room)s") % {"room": room}
    return form_page(request, form, title, cancel_url=room.get_absolute_url())
