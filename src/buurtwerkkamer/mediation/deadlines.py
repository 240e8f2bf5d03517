"""What falls due in mediation: the last day of each exclusion, for the room's
coordinator and coach, who welcome the person back."""

from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import Deadline

from .models import Exclusion

LIMIT = 50
# Long enough to prepare the return; exclusions last weeks, not years.
AHEAD = timedelta(days=90)


def exclusions_ending(user: Any, today: date) -> list[Deadline]:
    rooms = roles_of(user).staff_rooms
    if not rooms:
        return []
    ending = (
        Exclusion.objects.filter(
            room__in=rooms, ends_on__gte=today, ends_on__lte=today + AHEAD
        )
        .select_related("room", "person")
        .order_by("ends_on")[:LIMIT]
    )
    return [
        Deadline(
            due=exclusion.ends_on,
            title=_("Exclusion of %(person)s ends") % {"person": exclusion.person},
            url=exclusion.get_absolute_url(),
            room=exclusion.room.name,
            kind="exclusion",
        )
        for exclusion in ending
    ]
