"""The month rules of petty cash for any date: months start on their first day,
follow each other without gap, and a closed month (or any before it) refuses
every entry while the months after it stay open."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buurtwerkkamer.finance.closing import (
    ensure_open,
    first_open_month,
    next_month,
)
from buurtwerkkamer.finance.models import ClosedMonth, FrozenYear
from buurtwerkkamer.finance.services import month_of
from tests.factories import RoomFactory, UserFactory

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
uses_db = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@given(days)
def test_the_month_of_a_day_is_its_first_day_and_holds_it(day: date) -> None:
    month = month_of(day)

    assert month.day == 1
    assert month <= day < next_month(month)


@given(days)
def test_the_next_month_follows_without_gap(day: date) -> None:
    month = month_of(day)
    after = next_month(month)

    assert after.day == 1
    assert month_of(after - timedelta(days=1)) == month
    assert (after.year * 12 + after.month) - (month.year * 12 + month.month) == 1


@contextmanager
def example_room() -> Iterator[object]:
    """A room of its own for one example, gone again after it."""
    with transaction.atomic():
        yield RoomFactory()
        transaction.set_rollback(True)


def close(room, month: date) -> None:  # noqa: ANN001
    ClosedMonth.objects.create(
        room=room,
        month=month,
        opening_balance=0,
        transfers_in=0,
        expenses_out=0,
        closing_balance=0,
        bank_balance=0,
        closed_by=UserFactory(),
        closed_at=timezone.now(),
    )


def refuses(room, day: date) -> bool:  # noqa: ANN001
    try:
        ensure_open(room, day)
    except ValidationError:
        return True
    return False


@pytest.mark.django_db
@uses_db
@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)))
def test_an_entry_is_refused_exactly_up_to_the_end_of_the_latest_closed_month(
    day: date,
) -> None:
    with example_room() as room:
        close(room, date(2026, 3, 1))
        refused = refuses(room, day)

    assert refused == (day < date(2026, 4, 1))


@pytest.mark.django_db
@uses_db
@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)))
def test_the_first_open_month_is_never_closed_and_never_before_the_asked(
    day: date,
) -> None:
    with example_room() as room:
        close(room, date(2026, 3, 1))
        month = first_open_month(room, month_of(day))
        refused = refuses(room, month)

    assert month >= month_of(day)
    assert month >= date(2026, 4, 1)
    assert not refused


@pytest.mark.django_db
@uses_db
@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)))
def test_a_frozen_year_refuses_every_day_of_it_and_no_other(day: date) -> None:
    with example_room() as room:
        FrozenYear.objects.create(
            room=room, year=2026, frozen_by=UserFactory(), frozen_at=timezone.now()
        )
        refused = refuses(room, day)

    assert refused == (day.year == 2026)
