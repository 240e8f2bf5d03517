from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import InboxItem
from buurtwerkkamer.rooms.constants import START_UP_ORDER, Stage
from buurtwerkkamer.rooms.models import Room

from .queries import with_next_gate_ready

# Few rooms are in start-up at any time; the cap keeps the dashboard bounded anyway.
LIMIT = 50


def gates_ready(user: Any) -> list[InboxItem]:
    """Rooms whose evidence for the next gate is complete, for those who pass it."""
    starting = [stage for stage in START_UP_ORDER if stage != Stage.OPERATIONAL]
    rooms = with_next_gate_ready(
        Room.objects.visible_to(user).filter(stage__in=starting)
    )[:LIMIT]
    return [
        InboxItem(
            title=_("Ready for the next stage: %(stage)s")
            % {"stage": room.next_stage.label},  # type: ignore[union-attr]
            url=reverse("startup:track", kwargs={"room": room.slug}),
            room=room.name,
        )
        for room in rooms
        if getattr(room, "next_gate_ready", False)
        and user.has_perm("startup.advance_stage", room)
    ]
