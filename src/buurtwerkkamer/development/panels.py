from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import Panel

from .constants import TrainingStatus
from .models import Training

# A handful: the panel points to the room's page for the rest.
LIMIT = 5


def trainings_to_come(user: Any) -> Panel | None:
    """For those who work in a room: the trainings planned there, to join."""
    rooms = roles_of(user).rooms
    if not rooms:
        return None
    coming = (
        Training.objects.visible_to(user)
        .filter(
            room__in=rooms,
            status=TrainingStatus.PLANNED,
            starts_on__gte=timezone.localdate(),
        )
        .select_related("room")
        .order_by("starts_on", "title")[:LIMIT]
    )
    return Panel(
        _("Trainings to come"),
        "development/panel_trainings.html",
        {"trainings": list(coming)},
        40,
    )
