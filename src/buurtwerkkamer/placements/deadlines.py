from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.core.registry import Deadline

from .models import Signal

# The dashboard shows the soonest few; the calendar feed gets the same.
LIMIT = 50


def signal_follow_ups(user: Any, today: date) -> list[Deadline]:
    """Open signals by their follow-up date, for the board and the room's staff."""
    if not getattr(user, "is_authenticated", False):
        return []
    roles = p.roles_of(user)
    if Role.BOARD not in roles.cooperative and not roles.staff_rooms:
        return []
    signals = (
        Signal.objects.visible_to(user)
        .filter(resolved_on__isnull=True)
        .select_related("placement__room", "placement__candidate__person")
        .order_by("follow_up_on")[:LIMIT]
    )
    return [
        Deadline(
            due=signal.follow_up_on,
            title=_("Follow up the signal about %(person)s")
            % {"person": signal.placement.candidate.person},
            url=signal.get_absolute_url(),
            room=signal.placement.room.name,
            kind="signal",
        )
        for signal in signals
    ]
