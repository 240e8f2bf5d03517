from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import Panel
from buurtwerkkamer.rooms.constants import START_UP_ORDER, Stage
from buurtwerkkamer.rooms.models import Room

from .queries import with_next_gate_ready


def rooms_in_start_up(user: Any) -> Panel | None:
    """The start-up rooms the user follows, each with its stage and whether the
    evidence for the next gate is in."""
    starting = [stage for stage in START_UP_ORDER if stage != Stage.OPERATIONAL]
    rooms = [
        room
        for room in with_next_gate_ready(
            Room.objects.visible_to(user).filter(stage__in=starting)
        ).order_by("name")[:20]
        if user.has_perm("startup.view_track", room)
    ]
    if not rooms:
        return None
    return Panel(
        _("Rooms in start-up"), "startup/panel_start_up.html", {"rooms": rooms}, 20
    )
