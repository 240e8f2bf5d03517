"""The indicator this app records the evidence for: trainings completed."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.registry import Indicator

from .models import TrainingParticipant


def trainings_completed(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Decimal]:
    """Completed participations per room over the period, both days included:
    one person completing two trainings counts twice. One query for any number
    of rooms; a room without any gets zero."""
    rooms = list(room_ids)
    counts = dict(
        TrainingParticipant.objects.filter(
            training__room_id__in=rooms,
            completed_on__gte=start,
            completed_on__lte=end,
        )
        .values("training__room_id")
        .annotate(count=Count("pk"))
        .values_list("training__room_id", "count")
        .order_by()
    )
    return {room: Decimal(counts.get(room, 0)) for room in rooms}


TRAININGS_COMPLETED = Indicator(
    code="trainings_completed",
    label=_("Trainings completed"),
    unit=_("completed participations"),
    compute=trainings_completed,
    order=50,
)
