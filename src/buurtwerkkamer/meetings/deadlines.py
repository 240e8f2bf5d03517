"""What falls due from meetings: open action items on their owners' dashboards,
and the meetings coming up for the room's staff and whoever is invited as a user."""

from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import Deadline

from .constants import MeetingStatus
from .models import ActionItem, Meeting

LIMIT = 50
# Far enough ahead to prepare the agenda, near enough to keep the list short.
AHEAD = timedelta(days=60)


def open_action_items(user: Any, today: date) -> list[Deadline]:
    items = (
        ActionItem.objects.filter(owner=user, done_on__isnull=True)
        .select_related("meeting__room")
        .order_by("due_on")[:LIMIT]
    )
    return [
        Deadline(
            due=item.due_on,
            title=_("Action: %(what)s") % {"what": item.what},
            url=item.meeting.get_absolute_url(),
            room=item.meeting.room.name if item.meeting.room else "",
            kind="action",
        )
        for item in items
    ]


def meetings_coming_up(user: Any, today: date) -> list[Deadline]:
    roles = roles_of(user)
    mine = Q(room__in=roles.staff_rooms) | Q(attendees__user=user)
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(mine, status=MeetingStatus.PLANNED)
        .filter(starts_at__date__gte=today, starts_at__date__lte=today + AHEAD)
        .select_related("room")
        .distinct()
        .order_by("starts_at")[:LIMIT]
    )
    return [
        Deadline(
            due=meeting.day,
            title=_("Meeting: %(title)s") % {"title": meeting.title},
            url=meeting.get_absolute_url(),
            room=meeting.room.name if meeting.room else "",
            kind="meeting",
        )
        for meeting in meetings
    ]
