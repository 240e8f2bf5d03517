"""Steps of the start-up track that the operational rooms once took and the new room
is taking now: talks, locations, the checklist, and the gates themselves."""

from datetime import date
from decimal import Decimal

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.models import Location, StageChange, Talk
from buurtwerkkamer.startup.services import advance

from .context import Demo, moment
from .facts import CITY, Address


def record_talks(
    demo: Demo, room: Room, talks: list[tuple[str, date, str, date | None]]
) -> None:
    """Talks as (organisation slug, held on, summary, follow up on)."""
    Talk.objects.bulk_create(
        Talk(
            room=room,
            organisation=demo.organisations[slug],
            held_on=held_on,
            summary=summary,
            follow_up_on=follow_up_on,
        )
        for slug, held_on, summary, follow_up_on in talks
    )


def add_location(
    demo: Demo,
    room: Room,
    address: Address,
    *,
    rent: Decimal,
    area: Decimal,
    landlord: str = "",
    status: LocationStatus = LocationStatus.CANDIDATE,
    notes: str = "",
) -> Location:
    location = Location(
        room=room,
        street=address.street,
        house_number=address.house_number,
        postcode=address.postcode,
        city=CITY,
        monthly_rent=rent,
        floor_area=area,
        landlord=demo.organisations[landlord] if landlord else None,
        status=status,
        notes=notes,
    )
    location.full_clean()
    location.save()
    return location


def pass_gates(room: Room, gates: list[tuple[date, User, str]]) -> None:
    """Move the room through its next gates, one (date, by whom, override reason) per
    gate, and date each step back to when it happened: the service stamps today."""
    for day, user, reason in gates:
        change = advance(room, user, reason=reason)
        StageChange.objects.filter(pk=change.pk).update(created_at=moment(day))
        room.stage = Stage(change.to_stage)
        room.stage_since = day
    Room.objects.filter(pk=room.pk).update(stage_since=room.stage_since)
