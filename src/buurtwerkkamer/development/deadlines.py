from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import Deadline

from .models import FollowUp

# The dashboard shows the soonest few; the calendar feed gets the same.
LIMIT = 50


def follow_ups(user: Any, today: date) -> list[Deadline]:
    """The follow-up actions this user owns and has not done yet."""
    if not getattr(user, "is_authenticated", False):
        return []
    open_actions = (
        FollowUp.objects.visible_to(user)
        .filter(owner=user, done_on__isnull=True)
        .select_related("evaluation__room")
        .order_by("due_on")[:LIMIT]
    )
    return [
        Deadline(
            due=action.due_on,
            title=_("%(action)s (evaluation “%(theme)s”)")
            % {"action": action.action, "theme": action.evaluation.theme},
            url=action.evaluation.get_absolute_url(),
            room=action.evaluation.room.name,
            kind="evaluation",
        )
        for action in open_actions
    ]
