"""The dashboard block for those who record sessions: today's activities of their
rooms, each a tap away from its form."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import Panel

from .models import Activity


def sessions_to_record(user: Any) -> Panel | None:
    rooms = roles_of(user).rooms_as(Role.TEAM_COORDINATOR, Role.VOLUNTEER)
    if not rooms:
        return None
    today = timezone.localdate()
    activities = [
        activity
        for activity in Activity.objects.filter(room_id__in=rooms)
        .select_related("room")
        .order_by("room__name", "name")[:30]
        if activity.runs_on(today)
    ]
    return Panel(
        _("Record a session"),
        "activities/panel_record.html",
        {"activities": activities, "rooms": sorted(rooms)},
        10,
    )
