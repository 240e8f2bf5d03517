"""What the finance builders share for one operational room: its facts, the
month its books start, who keeps them, and where its bank statements stand."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.rooms.models import Room

from ..context import Demo, add_months
from ..facts import RoomFact
from ..facts.finance import ROOM_MONEY, Contract, RoomMoney

ZERO = Decimal("0.00")
# The books shown start in January of the year before last, or at the opening.
YEARS_BACK = 2


@dataclass
class Books:
    room: Room
    fact: RoomFact
    money: RoomMoney
    index: int  # the room's place among the operational rooms
    first_month: date
    coordinator: User
    bank_balance: Decimal = ZERO  # at the end of the latest statement
    statements: int = 0

    def runs_in(self, month: date) -> bool:
        return month >= self.first_month

    def contract_in(self, demo: Demo, month: date) -> Contract | None:
        """The coordinator's contract that runs in at least part of `month`."""
        last_day = add_months(month, 1) - timedelta(days=1)
        for contract in self.money.contracts:
            started = demo.day(contract.started_ago) if contract.started_ago else None
            ended = demo.day(contract.ended_ago) if contract.ended_ago else None
            if (started is None or started <= last_day) and (
                ended is None or ended >= month
            ):
                return contract
        return None


def first_month(demo: Demo, fact: RoomFact) -> date:
    """A room keeps books from its opening month; the demo shows no more than
    January of the year before last onwards."""
    if fact.opened_ago is None:
        raise ValueError(f"{fact.slug} has not opened: it keeps no books yet.")
    opened = demo.day(fact.opened_ago).replace(day=1)
    return max(opened, date(demo.today.year - YEARS_BACK, 1, 1))


def books_of(demo: Demo, facts: tuple[RoomFact, ...]) -> list[Books]:
    money = {each.slug: each for each in ROOM_MONEY}
    books = []
    for index, fact in enumerate(facts):
        room = demo.rooms[fact.slug]
        grant = room.grants.select_related("user").get(role=Role.TEAM_COORDINATOR)
        books.append(
            Books(
                room=room,
                fact=fact,
                money=money[fact.slug],
                index=index,
                first_month=first_month(demo, fact),
                coordinator=grant.user,
            )
        )
    return books
