from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import InboxItem

from .constants import MeetingStatus
from .models import Meeting


def minutes_to_record(user: Any) -> list[InboxItem]:
    """Meetings of the user's rooms that have taken place without minutes."""
    staff_rooms = roles_of(user).staff_rooms
    if not staff_rooms:
        return []
    meetings = (
        Meeting.objects.filter(
            room__in=staff_rooms,
            status=MeetingStatus.PLANNED,
            starts_at__lt=timezone.now(),
        )
        .select_related("room")
        .order_by("-starts_at")[:20]
    )
    return [
        InboxItem(
            title=_("Minutes of “%(title)s”") % {"title": meeting.title},
            url=meeting.get_absolute_url(),
            room=meeting.room.name if meeting.room else "",
        )
        for meeting in meetings
    ]
