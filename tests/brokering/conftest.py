"""A computed indicator of our own: the apps that register the real ones are
not brokering's to import, and their data would only blur what is measured."""

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

import pytest

from buurtwerkkamer.core import registry

FAKE = "fake_visits"


class FakeIndicator:
    """Gives each room the value set for it, and counts how often it is asked."""

    def __init__(self) -> None:
        self.values: dict[int, Decimal] = {}
        self.calls: list[tuple[frozenset[int], date, date]] = []

    def compute(
        self, room_ids: Iterable[int], start: date, end: date
    ) -> dict[int, Decimal]:
        rooms = frozenset(room_ids)
        self.calls.append((rooms, start, end))
        return {room: value for room, value in self.values.items() if room in rooms}


@pytest.fixture
def fake_indicator() -> Iterator[FakeIndicator]:
    yield from registered()


def registered() -> Iterator[FakeIndicator]:
    """Register a fake indicator for the length of a test, then take it away."""
    fake = FakeIndicator()
    registry.register_indicator(
        registry.Indicator(FAKE, "Fake visits", "visits", fake.compute, 99)
    )
    yield fake
    registry._indicators.pop(FAKE, None)
