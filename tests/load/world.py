"""The installation the load test runs against, made and counted in a process of
its own, on the load database and with the server's settings and secret key:
`python -m tests.load.world build <plan.json>` migrates, builds the world and
writes what the users need (logins, rooms, activities, months);
`python -m tests.load.world count <saved.json>` prints, as JSON, what the
database holds after the load."""

import datetime
import json
import sys
from pathlib import Path
from typing import Any, cast

import django

django.setup()

from bench.server import login  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Sum  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurtwerkkamer.access.constants import Role  # noqa: E402
from buurtwerkkamer.accounts.models import User  # noqa: E402
from buurtwerkkamer.activities.constants import ActivityKind  # noqa: E402
from buurtwerkkamer.activities.models import (  # noqa: E402
    Activity,
    Session,
    SessionVolunteer,
)
from buurtwerkkamer.core.money import to_money  # noqa: E402
from buurtwerkkamer.finance import services  # noqa: E402
from buurtwerkkamer.finance.constants import LIVE_TRANSFERS  # noqa: E402
from buurtwerkkamer.finance.models import (  # noqa: E402
    CooperativeAccount,
    Expense,
    RoomAllowance,
    Transfer,
)
from buurtwerkkamer.rooms.models import Room  # noqa: E402
from tests.factories import (  # noqa: E402
    GrantFactory,
    PersonFactory,
    RoomFactory,
    TransferFactory,
)
from tests.load import plan  # noqa: E402

MODELS: dict[str, Any] = {
    "sessions": Session,
    "expenses": Expense,
    "transfers": Transfer,
}


def build(out: Path) -> None:
    """Four operational rooms with cash from earlier months, one with a lower
    allowance; forty coordinators and ten treasurers logged in beforehand, so
    that the load never waits on password hashing or a second factor."""
    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    CooperativeAccount.objects.create(
        name="BuurtWerkKamer Cooperatie UA", iban="NL20INGB0001234567"
    )
    rooms = [room_with_cash(n, today) for n in range(plan.ROOMS)]
    RoomAllowance.objects.create(room=rooms[0], monthly_amount=plan.LOWER_ALLOWANCE)
    coordinators = [
        coordinator(n, rooms[n % plan.ROOMS], today) for n in range(plan.COORDINATORS)
    ]
    treasurers = [
        login(user(f"penningmeester{n}", Role.TREASURER))
        for n in range(plan.TREASURERS)
    ]
    this_month = today.replace(day=1)
    world = {
        "today": today.isoformat(),
        "rooms": [room.slug for room in rooms],
        "months": [
            f"{month_after(this_month, n):%Y-%m}" for n in range(plan.MONTHS_AHEAD)
        ],
        "coordinators": coordinators,
        "treasurers": treasurers,
        "seeded": stored(),
    }
    out.write_text(json.dumps(world))


def room_with_cash(n: int, today: datetime.date) -> Room:
    """An operational room with a business account, three of its people, and the
    full allowance paid in each of the months before this one."""
    room = cast(Room, RoomFactory(name=f"Kamer {n}", slug=f"kamer-{n}"))
    PersonFactory.create_batch(3, rooms=[room])
    treasurer = user(f"seed{n}", Role.TREASURER)
    for back in range(1, plan.SEEDED_MONTHS + 1):
        TransferFactory(
            room=room,
            month=month_after(today.replace(day=1), -back),
            amount=plan.SEEDED_TOP_UP,
            approved_by=treasurer,
            end_to_end_id=f"BWK-SEED-{n}-{back}",
        )
    return room


def coordinator(n: int, room: Room, today: datetime.date) -> dict[str, Any]:
    """A team coordinator of the room with an activity of their own, so that the
    sessions they record never collide with another user's."""
    activity = Activity.objects.create(
        room=room,
        name=f"Inloop {n}",
        kind=ActivityKind.OTHER,
        active_from=today - datetime.timedelta(days=365),
    )
    people = room.people.order_by("pk").values_list("uuid", flat=True)
    return {
        **login(user(f"coordinator{n}", Role.TEAM_COORDINATOR, room)),
        "room": room.slug,
        "activity": str(activity.uuid),
        "people": [str(uuid) for uuid in people],
    }


def user(name: str, role: Role, room: Room | None = None) -> User:
    # No password: every login is made beforehand, and hashing fifty passwords
    # with production's hasher would take longer than the load itself.
    person = User.objects.create_user(f"{name}@example.nl", name=name)
    GrantFactory(user=person, role=role, room=room)
    return person


def month_after(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def stored() -> dict[str, int]:
    return {kind: model.objects.count() for kind, model in MODELS.items()}


def count(saved_file: Path) -> None:
    """What the load left: the rows of each kind, the saved records not found,
    each room's top-ups per month against its allowance, and its cash."""
    saved = json.loads(saved_file.read_text())
    rooms = list(Room.objects.order_by("slug"))
    report = {
        "stored": stored(),
        "missing": {
            kind: len(set(saved[kind]) - found(model, saved[kind]))
            for kind, model in MODELS.items()
        },
        "volunteers": SessionVolunteer.objects.count(),
        "allowance": {room.slug: str(services.allowance_for(room)) for room in rooms},
        "topped_up": topped_up(),
        "cash_left": {room.slug: str(services.cash_left(room)) for room in rooms},
    }
    print(json.dumps(report))  # noqa: T201


def found(model: Any, uuids: list[str]) -> set[str]:
    rows = model.objects.filter(uuid__in=uuids).values_list("uuid", flat=True)
    return {str(uuid) for uuid in rows}


def topped_up() -> dict[str, str]:
    """The live top-ups of each room and month, as `<room> <YYYY-MM>`: total."""
    sums = (
        Transfer.objects.filter(status__in=LIVE_TRANSFERS)
        .values("room__slug", "month")
        .annotate(total=Sum("amount"))
    )
    return {
        f"{row['room__slug']} {row['month']:%Y-%m}": str(to_money(row["total"]))
        for row in sums
    }


if __name__ == "__main__":
    {"build": build, "count": count}[sys.argv[1]](Path(sys.argv[2]))
