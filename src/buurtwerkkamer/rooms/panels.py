from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import Panel

from .models import Room


def my_rooms(user: Any) -> Panel | None:
    rooms = list(
        Room.objects.visible_to(user).only("name", "slug", "stage", "neighbourhood")[
            :20
        ]
    )
    return Panel(_("Your rooms"), "rooms/panel_rooms.html", {"rooms": rooms}, order=10)
