"""The indicators this app records the evidence for: placements started, and
placements that ended in paid work."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.registry import Indicator

from .constants import Outcome
from .models import Placement


def _per_room(rooms: list[int], placements: object) -> dict[int, Decimal]:
    counts = dict(
        placements.values("room_id")  # type: ignore[attr-defined]
        .annotate(count=Count("pk"))
        .values_list("room_id", "count")
        .order_by()
    )
    return {room: Decimal(counts.get(room, 0)) for room in rooms}


def placements_started(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Decimal]:
    """Placements that started in the period, both days included; an
    extension is the same placement and does not count again. One query."""
    rooms = list(room_ids)
    started = Placement.objects.filter(
        room_id__in=rooms, started_on__gte=start, started_on__lte=end
    )
    return _per_room(rooms, started)


def placements_paid_work(
    room_ids: Iterable[int], start: date, end: date
) -> dict[int, Decimal]:
    """Placements that ended in the period with paid work found. One query."""
    rooms = list(room_ids)
    ended = Placement.objects.filter(
        room_id__in=rooms,
        outcome=Outcome.PAID_WORK,
        ended_on__gte=start,
        ended_on__lte=end,
    )
    return _per_room(rooms, ended)


PLACEMENTS_STARTED = Indicator(
    code="placements_started",
    label=_("Placements started"),
    unit=_("placements"),
    compute=placements_started,
    order=60,
)
PLACEMENTS_PAID_WORK = Indicator(
    code="placements_paid_work",
    label=_("Placements that led to paid work"),
    unit=_("placements"),
    compute=placements_paid_work,
    order=61,
)
