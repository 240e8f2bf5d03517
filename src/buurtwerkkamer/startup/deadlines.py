from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import Deadline

from .models import ChecklistItem, Talk

LIMIT = 50


def start_up_steps(user: Any, today: date) -> list[Deadline]:
    """Open checklist steps with a due date, and talks to follow up."""
    items = (
        ChecklistItem.objects.visible_to(user)
        .filter(done_on__isnull=True, due_on__isnull=False)
        .select_related("room")
        .order_by("due_on")[:LIMIT]
    )
    # A follow-up has no "done" of its own: it stays on the list for two weeks
    # after its date, then the next talk is expected to have been recorded.
    talks = (
        Talk.objects.visible_to(user)
        .filter(follow_up_on__gte=today - timedelta(days=14))
        .select_related("room", "organisation")
        .order_by("follow_up_on")[:LIMIT]
    )
    found = [
        Deadline(
            due=item.due_on,  # type: ignore[arg-type]
            title=item.title,
            url=reverse("startup:track", kwargs={"room": item.room.slug}),
            room=item.room.name,
            kind="start-up",
        )
        for item in items
        if user.has_perm("startup.view_track", item.room)
    ]
    found += [
        Deadline(
            due=talk.follow_up_on,  # type: ignore[arg-type]
            title=_("Follow up the talk with %(organisation)s")
            % {"organisation": talk.organisation},
            url=reverse("startup:track", kwargs={"room": talk.room.slug}),
            room=talk.room.name,
            kind="start-up",
        )
        for talk in talks
        if user.has_perm("startup.view_track", talk.room)
    ]
    return found
