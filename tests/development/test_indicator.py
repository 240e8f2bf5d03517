"""The trainings_completed indicator: completed participations per room in the
period, for many rooms at once."""

import datetime
from decimal import Decimal

from buurtwerkkamer.core.registry import indicator
from tests.factories import RoomFactory
from tests.personas import World

from .factories import TrainingFactory, TrainingParticipantFactory

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)


def completed(room: object, on: datetime.date | None) -> None:
    course = TrainingFactory(room=room, starts_on=datetime.date(2025, 12, 1))
    TrainingParticipantFactory(training=course, completed_on=on)


def compute(room_ids: list[int]) -> dict[int, Decimal]:
    found = indicator("trainings_completed")
    assert found is not None
    return found.compute(room_ids, START, END)


def test_completed_participations_are_counted_per_room(world: World) -> None:
    completed(world.room, START)
    completed(world.room, END)
    completed(world.other_room, datetime.date(2026, 6, 1))

    assert compute([world.room.pk, world.other_room.pk]) == {
        world.room.pk: Decimal(2),
        world.other_room.pk: Decimal(1),
    }


def test_completions_outside_the_period_and_open_places_do_not_count(
    world: World,
) -> None:
    completed(world.room, START - datetime.timedelta(days=1))
    completed(world.room, END + datetime.timedelta(days=1))
    completed(world.room, None)

    assert compute([world.room.pk]) == {world.room.pk: Decimal(0)}


def test_one_person_completing_two_trainings_counts_twice(world: World) -> None:
    first = TrainingParticipantFactory(
        training__room=world.room, completed_on=datetime.date(2026, 6, 1)
    )
    TrainingParticipantFactory(
        training__room=world.room,
        person=first.person,
        completed_on=datetime.date(2026, 6, 1),
    )

    assert compute([world.room.pk]) == {world.room.pk: Decimal(2)}


def test_rooms_not_asked_for_are_left_out(world: World) -> None:
    completed(world.other_room, datetime.date(2026, 6, 1))

    assert compute([world.room.pk]) == {world.room.pk: Decimal(0)}


def test_many_rooms_take_one_query(world: World, django_assert_num_queries) -> None:
    rooms = RoomFactory.create_batch(12)
    for room in rooms:
        completed(room, datetime.date(2026, 3, 1))

    with django_assert_num_queries(1):
        result = compute([room.pk for room in rooms])

    assert set(result.values()) == {Decimal(1)}
