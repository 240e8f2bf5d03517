from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Room


def room_for(user: Any, room: str) -> Room:
    """The room by its slug, if the user may see it at all; 404 otherwise."""
    return get_object_or_404(Room.objects.visible_to(user), slug=room)


def rooms_for(user: Any, *, stage: str = "", search: str = "") -> QuerySet[Room]:
    rooms = Room.objects.visible_to(user)
    if stage:
        rooms = rooms.filter(stage=stage)
    if search:
        rooms = rooms.filter(name__icontains=search) | rooms.filter(
            neighbourhood__icontains=search
        )
    return rooms.order_by("name")
