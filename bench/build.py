"""A large installation for `make bench`: 300 rooms with ten years of data, built
with bulk_create in chunks of rooms so that it takes minutes and bounded memory.
The records are plausible rather than lifelike: every constraint of the models
holds, closed months balance, no room ever received more petty cash in a month
than the allowance, and every transfer and expense is on the bank statement.

Signals (the audit trail) do not fire for bulk_create: a benchmark does not need
ten years of history of who changed what."""

import hashlib
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

# The real scale by default; smaller through the environment while trying things.
ROOMS = int(os.environ.get("BENCH_ROOMS", "300"))
YEARS = int(os.environ.get("BENCH_YEARS", "10"))
ROOMS_PER_CHUNK = 25
ROOMS_PER_COACH = 10
PEOPLE_PER_ROOM = 30
ACTIVITIES_PER_ROOM = 3
EXPENSES_PER_MONTH = 4
ORGANISATIONS = 30
ALLOWANCE = Decimal("250.00")
FIXED = [
    ("rent", "Woonstede verhuur", Decimal("850.00")),
    ("utilities", "Eneco", Decimal("210.00")),
    ("insurance", "Centraal Beheer", Decimal("35.00")),
    ("phone", "KPN", Decimal("45.00")),
]


@dataclass
class Installation:
    """What the measurements need to know about the installation they run on."""

    users: dict[str, Any] = field(default_factory=dict)
    rooms: list[Any] = field(default_factory=list)
    organisations: list[Any] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    @property
    def first_month(self) -> date:
        return date(self.today.year - YEARS + 1, 1, 1)

    def months(self) -> list[date]:
        """Every month from ten years back up to last month: this month is the
        one the petty-cash run of the benchmark pays."""
        months, month = [], self.first_month
        this_month = self.today.replace(day=1)
        while month < this_month:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months


def build(timed: Callable[[str, Callable[[], Any]], Any]) -> Installation:
    """The whole installation; each step measured by `timed(step, work)`."""
    world = Installation()
    timed("build: users, rooms, organisations", lambda: _skeleton(world))
    chunks = [
        world.rooms[start : start + ROOMS_PER_CHUNK]
        for start in range(0, len(world.rooms), ROOMS_PER_CHUNK)
    ]
    for name, step in (
        ("people", _people),
        ("activities and sessions", _activities),
        ("petty cash, bank statements, closed months", _petty_cash),
        ("fixed costs and budgets", _fixed_costs),
        ("agreements", _agreements),
        ("meetings", _meetings),
    ):
        timed(f"build: {name}", lambda step=step: _each_chunk(world, chunks, step))
    _analyse()
    return world


def _each_chunk(
    world: Installation, chunks: list[list[Any]], step: Callable[..., None]
) -> None:
    from django.db import transaction

    for chunk in chunks:
        with transaction.atomic():
            step(world, chunk)


def _analyse() -> None:
    """Fresh planner statistics, as a database that lived ten years has them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _add(world: Installation, model: Any, objects: list[Any]) -> list[Any]:
    created = model.objects.bulk_create(objects, batch_size=2000)
    label = model._meta.label
    world.counts[label] = world.counts.get(label, 0) + len(created)
    return created


def _skeleton(world: Installation) -> None:
    from buurtwerkkamer.access.constants import Role
    from buurtwerkkamer.access.models import Grant
    from buurtwerkkamer.accounts.models import User
    from buurtwerkkamer.finance.models import CooperativeAccount
    from buurtwerkkamer.partners.models import ContactPerson, Organisation

    CooperativeAccount.objects.create(
        name="BuurtWerkKamer Cooperatie UA", iban="NL20INGB0001234567", bic="INGBNL2A"
    )
    world.organisations = _add(world, Organisation, list(_organisations()))
    _add(
        world,
        ContactPerson,
        [
            ContactPerson(organisation=organisation, name=f"Contact {number}")
            for number, organisation in enumerate(world.organisations)
        ],
    )
    world.rooms = _add(world, _room_model(), list(_rooms()))
    partners = _room_model().partners.through
    _add(
        world,
        partners,
        [
            partners(room_id=room.pk, organisation_id=organisation.pk)
            for number, room in enumerate(world.rooms)
            for organisation in _partners_of(world, number)
        ],
    )
    for role in (Role.BOARD, Role.TREASURER, Role.AUDIT_COMMITTEE, Role.ACCOUNTANT):
        world.users[role.value] = _user(f"{role.value}@bench.nl")
        Grant.objects.create(user=world.users[role.value], role=role)
    world.users["second_board"] = _user("board2@bench.nl")
    Grant.objects.create(user=world.users["second_board"], role=Role.BOARD)
    grants = []
    for number, room in enumerate(world.rooms):
        coach = _user(f"coach{number // ROOMS_PER_COACH}@bench.nl")
        coordinator = _user(f"coordinator{number}@bench.nl")
        volunteer = _user(f"volunteer{number}@bench.nl")
        room.bench_coordinator = coordinator
        grants += [
            Grant(user=coach, role=Role.PROJECT_COACH, room=room),
            Grant(user=coordinator, role=Role.TEAM_COORDINATOR, room=room),
            Grant(user=volunteer, role=Role.VOLUNTEER, room=room),
        ]
        if number == 0:
            world.users.update(
                project_coach=coach, team_coordinator=coordinator, volunteer=volunteer
            )
    for organisation in world.organisations:
        partner = _user(f"partner-{organisation.slug}@bench.nl")
        grants.append(Grant(user=partner, role=Role.PARTNER, organisation=organisation))
        world.users.setdefault("partner", partner)
    _add(world, Grant, grants)
    world.counts[User._meta.label] = User.objects.count()


def _room_model() -> Any:
    from buurtwerkkamer.rooms.models import Room

    return Room


def _user(email: str) -> Any:
    from buurtwerkkamer.accounts.models import User

    # No password: the benchmark logs in with sessions it makes itself.
    user, _ = User.objects.get_or_create(
        email=email, defaults={"name": email.split("@")[0]}
    )
    return user


def _organisations() -> Iterator[Any]:
    from buurtwerkkamer.partners.constants import OrganisationKind
    from buurtwerkkamer.partners.models import Organisation

    kinds = list(OrganisationKind)
    for number in range(ORGANISATIONS):
        yield Organisation(
            name=f"Partner {number}",
            slug=f"partner-{number}",
            kind=kinds[number % len(kinds)],
        )


def _partners_of(world: Installation, number: int) -> list[Any]:
    """Two partners per room: its municipality and one more."""
    organisations = world.organisations
    return [
        organisations[number % 10],
        organisations[10 + number % (len(organisations) - 10)],
    ]


def _rooms() -> Iterator[Any]:
    from schwifty import IBAN

    from buurtwerkkamer.rooms.constants import Stage
    from buurtwerkkamer.rooms.models import Room

    for number in range(ROOMS):
        yield Room(
            name=f"BuurtWerkKamer {number:03d}",
            slug=f"kamer-{number:03d}",
            neighbourhood=f"Wijk {number % 40}",
            municipality=f"Gemeente {number % 10}",
            city=f"Stad {number % 10}",
            stage=Stage.OPERATIONAL,
            bank_iban=str(
                IBAN.generate("NL", bank_code="ABNA", account_code=f"{number + 1:010d}")
            ),
            bank_holder=f"Stichting Buurtwerkkamer {number}",
        )


def _people(world: Installation, rooms: list[Any]) -> None:
    from buurtwerkkamer.people.constants import MemberKind
    from buurtwerkkamer.people.models import Membership, Person

    people = _add(
        world,
        Person,
        [
            Person(first_name=f"Bewoner{number}", last_name=f"{room.slug}")
            for room in rooms
            for number in range(PEOPLE_PER_ROOM)
        ],
    )
    through = Person.rooms.through
    _add(
        world,
        through,
        [
            through(person_id=person.pk, room_id=rooms[index // PEOPLE_PER_ROOM].pk)
            for index, person in enumerate(people)
        ],
    )
    kinds = list(MemberKind)
    _add(
        world,
        Membership,
        [
            Membership(
                person=person,
                number=person.pk,
                kind=kinds[index % len(kinds)],
                joined_on=world.first_month + timedelta(days=index % 3000),
            )
            for index, person in enumerate(people)
            if index % 3 == 0
        ],
    )
    for room_index, room in enumerate(rooms):
        room.bench_people = people[
            room_index * PEOPLE_PER_ROOM : (room_index + 1) * PEOPLE_PER_ROOM
        ]


def _activities(world: Installation, rooms: list[Any]) -> None:
    """Each activity weekly for ten years, one or two volunteers at each."""
    from buurtwerkkamer.activities.constants import ActivityKind
    from buurtwerkkamer.activities.models import Activity, Session, SessionVolunteer

    kinds = list(ActivityKind)
    activities = _add(
        world,
        Activity,
        [
            Activity(
                room=room,
                name=f"{kinds[number].label} {room.slug}",
                kind=kinds[number],
                schedule="dinsdag 10:00-12:00",
                active_from=world.first_month,
                leader=room.bench_people[number],
            )
            for room in rooms
            for number in range(ACTIVITIES_PER_ROOM)
        ],
    )
    recorder = world.users["team_coordinator"]
    chance = random.Random(len(activities))  # noqa: S311 (figures, not secrets)
    for activity in activities:
        sessions = _add(
            world,
            Session,
            [
                Session(
                    activity=activity,
                    room_id=activity.room_id,
                    held_on=day,
                    starts_at=time(10),
                    visitors=chance.randint(3, 25),
                    recorded_by=recorder,
                )
                for day in _weekly(world.first_month, world.today)
            ],
        )
        people = next(
            room.bench_people for room in rooms if room.pk == activity.room_id
        )
        _add(
            world,
            SessionVolunteer,
            [
                SessionVolunteer(
                    session=session, person=people[number], hours=Decimal("2.00")
                )
                for index, session in enumerate(sessions)
                for number in range(1 + index % 2)
            ],
        )


def _weekly(start: date, end: date) -> Iterator[date]:
    day = start
    while day < end:
        yield day
        day += timedelta(days=7)


def _petty_cash(world: Installation, rooms: list[Any]) -> None:
    """Per room and month: a transfer that tops the cash up to the allowance, the
    expenses of the month, both on the room's bank statement of that year, and
    the month closed. The transfers went out in one exported batch per month."""
    from buurtwerkkamer.finance.models import (
        BankStatement,
        BankTransaction,
        ClosedMonth,
        Expense,
        Transfer,
    )

    months = world.months()
    batches = _batches(world, months)
    chance = random.Random(rooms[0].pk)  # noqa: S311 (figures, not secrets)
    statements = _statements(world, rooms, months)
    transfers, expenses, closed, lines = [], [], [], []
    for room in rooms:
        cash = Decimal("0.00")
        for month in months:
            top_up = ALLOWANCE - cash
            if top_up > 0:
                transfers.append(_transfer(world, room, month, top_up, batches[month]))
                lines.append((room, month, top_up, transfers[-1], None))
            spent = []
            for number in range(EXPENSES_PER_MONTH):
                amount = Decimal(chance.randint(500, 6000)) / 100
                expenses.append(_expense(world, room, month, number, amount))
                lines.append((room, month, -amount, None, expenses[-1]))
                spent.append(amount)
            opening, cash = cash, cash + max(top_up, 0) - sum(spent)
            closed.append(
                ClosedMonth(
                    room=room,
                    month=month,
                    opening_balance=opening,
                    transfers_in=max(top_up, 0),
                    expenses_out=sum(spent),
                    closing_balance=cash,
                    bank_balance=cash,
                    closed_by=world.users["treasurer"],
                    closed_at=_noon(month + timedelta(days=40)),
                )
            )
    _add(world, Transfer, transfers)
    _add(world, Expense, expenses)
    _add(world, ClosedMonth, closed)
    _add(world, BankStatement, list(statements.values()))
    _add(
        world,
        BankTransaction,
        [
            BankTransaction(
                statement=statements[room.pk, month.year],
                account_iban=room.bank_iban,
                room=room,
                booking_date=month + timedelta(days=3),
                amount=amount,
                bank_reference=f"H-{room.pk}-{index}",
                counterparty_name="Winkel",
                transfer=transfer,
                expense=expense,
                matched_by=world.users["treasurer"],
                matched_at=_noon(month + timedelta(days=35)),
            )
            for index, (room, month, amount, transfer, expense) in enumerate(lines)
        ],
    )


def _batches(world: Installation, months: list[date]) -> dict[date, Any]:
    from buurtwerkkamer.finance.constants import BatchStatus
    from buurtwerkkamer.finance.models import SepaBatch

    if not hasattr(world, "batches"):
        batches = _add(
            world,
            SepaBatch,
            [
                SepaBatch(
                    message_id=f"BENCH-{month:%Y-%m}",
                    execution_date=month,
                    status=BatchStatus.EXPORTED,
                    pain_version="pain.001.001.09",
                    prepared_by=world.users["treasurer"],
                    approved_by=world.users["board"],
                    approved_at=_noon(month),
                    exported_by=world.users["treasurer"],
                    exported_at=_noon(month),
                    sha256="0" * 64,
                )
                for month in months
            ],
        )
        world.batches = dict(zip(months, batches, strict=True))  # type: ignore[attr-defined]
    return world.batches  # type: ignore[attr-defined, no-any-return]


def _transfer(
    world: Installation, room: Any, month: date, amount: Decimal, batch: Any
) -> Any:
    from buurtwerkkamer.finance.constants import TransferStatus
    from buurtwerkkamer.finance.models import Transfer

    return Transfer(
        room=room,
        month=month,
        amount=amount,
        status=TransferStatus.EXPORTED,
        creditor_name=room.bank_holder,
        creditor_iban=room.bank_iban,
        end_to_end_id=f"B{room.pk}-{month:%Y%m}",
        approved_by=world.users["treasurer"],
        batch=batch,
    )


def _expense(
    world: Installation, room: Any, month: date, number: int, amount: Decimal
) -> Any:
    from buurtwerkkamer.finance.constants import ExpenseCategory, ExpenseStatus
    from buurtwerkkamer.finance.models import Expense

    categories = list(ExpenseCategory)
    return Expense(
        room=room,
        spent_on=month + timedelta(days=5 + number * 6),
        amount=amount,
        description=f"Boodschappen {number}",
        category=categories[(month.month + number) % len(categories)],
        status=ExpenseStatus.CHECKED,
        recorded_by=world.users["team_coordinator"],
        checked_by=world.users["treasurer"],
        checked_at=_noon(month + timedelta(days=35)),
    )


def _statements(
    world: Installation, rooms: list[Any], months: list[date]
) -> dict[tuple[int, int], Any]:
    """One statement per room and year, each with its file."""
    from buurtwerkkamer.documents.constants import DocumentKind
    from buurtwerkkamer.documents.models import Document
    from buurtwerkkamer.finance.models import BankStatement

    years = sorted({month.year for month in months})
    keys = [(room, year) for room in rooms for year in years]
    files = _add(
        world,
        Document,
        [
            Document(
                title=f"Afschrift {year}",
                kind=DocumentKind.STATEMENT,
                file=f"bench/{room.slug}-{year}.xml",
                original_name=f"{room.slug}-{year}.xml",
                content_type="application/xml",
                size=1,
                sha256=hashlib.sha256(f"{room.pk}-{year}".encode()).hexdigest(),
                uploaded_by=world.users["treasurer"],
                room_id_scope=room.pk,
            )
            for room, year in keys
        ],
    )
    return {
        (room.pk, year): BankStatement(
            account_iban=room.bank_iban,
            room=room,
            statement_id=f"{room.slug}-{year}",
            currency="EUR",
            opening_date=date(year, 1, 1),
            closing_date=date(year, 12, 31),
            file=document,
            imported_by=world.users["treasurer"],
        )
        for (room, year), document in zip(keys, files, strict=True)
    }


def _fixed_costs(world: Installation, rooms: list[Any]) -> None:
    from buurtwerkkamer.finance.constants import PETTY_CASH
    from buurtwerkkamer.finance.models import Budget, BudgetLine, FixedCost

    months = world.months()
    _add(
        world,
        FixedCost,
        [
            FixedCost(
                room=room,
                month=month,
                category=category,
                supplier=supplier,
                invoice_reference=f"{room.slug}-{category}-{month:%Y%m}",
                amount=amount,
                booked_by=world.users["treasurer"],
            )
            for room in rooms
            for month in months
            for category, supplier, amount in FIXED
        ],
    )
    years = sorted({month.year for month in months} | {world.today.year})
    budgets = _add(
        world,
        Budget,
        [Budget(room=room, year=year) for room in rooms for year in years],
    )
    _add(
        world,
        BudgetLine,
        [
            BudgetLine(budget=budget, category=category, amount=amount * 12)
            for budget in budgets
            for category, amount in [
                *((category, amount) for category, _, amount in FIXED),
                (PETTY_CASH, ALLOWANCE),
            ]
        ],
    )


def _agreements(world: Installation, rooms: list[Any]) -> None:
    """A cooperation agreement per room and an annual agreement for every year,
    signed by the room's two partners."""
    from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
    from buurtwerkkamer.brokering.models import Agreement, AgreementParty

    years = range(world.first_month.year, world.today.year + 1)
    agreements = []
    for room in rooms:
        agreements.append(
            Agreement(
                room=room,
                kind=AgreementKind.COOPERATION,
                title=f"Samenwerking {room.slug}",
                starts_on=world.first_month,
                status=AgreementStatus.SIGNED,
            )
        )
        agreements += [
            Agreement(
                room=room,
                kind=AgreementKind.ANNUAL,
                title=f"Jaarafspraak {year}",
                year=year,
                starts_on=date(year, 1, 1),
                ends_on=date(year, 12, 31),
                status=AgreementStatus.SIGNED,
            )
            for year in years
        ]
    agreements = _add(world, Agreement, agreements)
    partners = {room.pk: _partners_of(world, world.rooms.index(room)) for room in rooms}
    _add(
        world,
        AgreementParty,
        [
            AgreementParty(
                agreement=agreement,
                organisation=organisation,
                signed_on=agreement.starts_on - timedelta(days=40),
                signed_by="Directeur",
                commitment_amount=Decimal("10000.00"),
            )
            for agreement in agreements
            for organisation in partners[agreement.room_id]
        ],
    )


def _meetings(world: Installation, rooms: list[Any]) -> None:
    """A team meeting per room and month, held with minutes, the room's team
    coordinator and three of its people attending, and an action item, the last
    ones still open."""
    from buurtwerkkamer.meetings.constants import MeetingKind, MeetingStatus
    from buurtwerkkamer.meetings.models import ActionItem, Attendee, Meeting

    months = world.months()
    meetings = _add(
        world,
        Meeting,
        [
            Meeting(
                room=room,
                kind=MeetingKind.TEAM,
                title=f"Teamoverleg {month:%m-%Y}",
                starts_at=_noon(month + timedelta(days=9)),
                status=MeetingStatus.HELD,
                minutes="Besproken: de planning.",
                planned_by=world.users["team_coordinator"],
                minutes_by=world.users["team_coordinator"],
            )
            for room in rooms
            for month in months
        ],
    )
    people = {room.pk: room.bench_people for room in rooms}
    coordinators = {room.pk: room.bench_coordinator for room in rooms}
    _add(
        world,
        Attendee,
        [
            *(
                Attendee(meeting=meeting, person=person, present=True)
                for meeting in meetings
                for person in people[meeting.room_id][:3]
            ),
            *(
                Attendee(meeting=meeting, user=coordinators[meeting.room_id])
                for meeting in meetings
            ),
        ],
    )
    last = months[-1]
    _add(
        world,
        ActionItem,
        [
            ActionItem(
                meeting=meeting,
                what="Boodschappenlijst bijwerken",
                owner=world.users["team_coordinator"],
                due_on=meeting.starts_at.date() + timedelta(days=14),
                done_on=None
                if meeting.starts_at.date() >= last
                else meeting.starts_at.date(),
                done_by=None
                if meeting.starts_at.date() >= last
                else world.users["team_coordinator"],
            )
            for meeting in meetings
        ],
    )


def _noon(day: date) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, time(12)))
