"""The figures of a room and across rooms, and the indicators, to the exact
number."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from buurtwerkkamer.activities import queries
from buurtwerkkamer.core.registry import indicator
from tests.factories import PersonFactory, RoomFactory
from tests.personas import World

from .factories import ActivityFactory, SessionFactory, SessionVolunteerFactory

JAN = datetime.date(2026, 1, 1)
MARCH = datetime.date(2026, 3, 31)
TODAY = datetime.date(2026, 12, 3)


@pytest.fixture
def held(world: World) -> dict:
    """Two sessions in the home room in the first quarter, one in the other room,
    and one in the home room after the quarter."""
    gerda, kees = PersonFactory(rooms=[world.room]), PersonFactory(rooms=[world.room])
    cooking = ActivityFactory(room=world.room)
    first = SessionFactory(
        activity=cooking, held_on=datetime.date(2026, 1, 6), visitors=10
    )
    second = SessionFactory(
        activity=cooking, held_on=datetime.date(2026, 1, 13), visitors=16
    )
    SessionVolunteerFactory(session=first, person=gerda, hours=Decimal("2.50"))
    SessionVolunteerFactory(session=first, person=kees, hours=Decimal("1.25"))
    SessionVolunteerFactory(session=second, person=gerda, hours=Decimal("3.00"))
    SessionFactory(activity=cooking, held_on=datetime.date(2026, 4, 7), visitors=99)
    SessionFactory(
        activity=ActivityFactory(room=world.other_room),
        held_on=datetime.date(2026, 2, 3),
        visitors=7,
    )
    return {"rooms": [world.room.pk, world.other_room.pk]}


def computed(code: str, rooms: list[int]) -> dict[int, Decimal]:
    found = indicator(code)
    assert found is not None
    return found.compute(rooms, JAN, MARCH)


def test_visitors_per_week_divides_by_the_weeks_of_the_period(
    world: World, held: dict
) -> None:
    # 26 visitors over the 90 days of the first quarter: 26 / (90 / 7).
    assert computed("visitors_per_week", held["rooms"]) == {
        world.room.pk: Decimal("2.02"),
        world.other_room.pk: Decimal("0.54"),
    }


def test_active_volunteers_counts_each_person_once(world: World, held: dict) -> None:
    assert computed("active_volunteers", held["rooms"]) == {
        world.room.pk: Decimal(2),
        world.other_room.pk: Decimal(0),
    }


def test_volunteer_hours_add_up_to_the_cent(world: World, held: dict) -> None:
    assert computed("volunteer_hours", held["rooms"]) == {
        world.room.pk: Decimal("6.75"),
        world.other_room.pk: Decimal("0.00"),
    }


def test_activities_held_counts_sessions_in_the_period(
    world: World, held: dict
) -> None:
    assert computed("activities_held", held["rooms"]) == {
        world.room.pk: Decimal(2),
        world.other_room.pk: Decimal(1),
    }


def test_an_indicator_over_many_rooms_takes_the_queries_of_one(
    world: World, held: dict, django_assert_max_num_queries
) -> None:
    rooms = [world.room.pk] + [RoomFactory().pk for _ in range(20)]
    with django_assert_max_num_queries(2):
        computed("volunteer_hours", rooms)


def test_a_period_that_ends_before_it_starts_is_refused(world: World) -> None:
    found = indicator("visitors_per_week")
    assert found is not None
    with pytest.raises(ValidationError):
        found.compute([world.room.pk], MARCH, JAN)


def test_a_rooms_year_shows_every_week_and_the_years_totals(
    world: World, held: dict
) -> None:
    report = queries.room_year(world.room, 2026, TODAY)

    assert report.weeks[0].monday == datetime.date(2025, 12, 29)
    assert report.weeks[-1].monday == datetime.date(2026, 11, 30)
    second_week = report.weeks[1]
    assert (second_week.monday, second_week.figures) == (
        datetime.date(2026, 1, 5),
        queries.Figures(sessions=1, visitors=10, hours=Decimal("3.75"), volunteers=2),
    )
    assert report.total == queries.Figures(
        sessions=3, visitors=125, hours=Decimal("6.75"), volunteers=2
    )
    # 125 visitors over the 337 days up to today.
    assert report.visitors_per_week == Decimal("2.60")
    assert [(row.year, row.figures.sessions) for row in report.years] == [(2026, 3)]


def test_the_overview_puts_rooms_side_by_side(world: World, held: dict) -> None:
    report = queries.overview([world.other_room, world.room], 2026, TODAY)

    assert [(row.room, row.figures.visitors) for row in report.rows] == [
        (world.other_room, 7),
        (world.room, 125),
    ]
    assert report.total.visitors == 132
    assert sum(row.figures.sessions for row in report.weeks) == 4


def test_a_project_coach_compares_only_the_rooms_they_coach(
    world: World, held: dict
) -> None:
    rooms = queries.overview_rooms(world.users["project_coach"])

    assert list(rooms) == [world.room]


def test_the_board_compares_every_room_with_activities(
    world: World, held: dict
) -> None:
    RoomFactory()

    rooms = queries.overview_rooms(world.users["board"])

    assert list(rooms) == [world.other_room, world.room]
