"""Recording sessions and keeping activities: what is stored, and every refusal
changing nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from buurtwerkkamer.activities import services
from buurtwerkkamer.activities.constants import ActivityKind
from buurtwerkkamer.activities.models import Activity, Session, SessionVolunteer
from buurtwerkkamer.core import registry
from buurtwerkkamer.people.models import Person
from tests.factories import PersonFactory
from tests.personas import World

from .conftest import TODAY


def record(activity: Activity, world: World, **changes: object) -> Session:
    values: dict = {
        "held_on": TODAY,
        "visitors": 14,
        "volunteers": {},
        "today": TODAY,
    }
    values.update(changes)
    return services.record_session(activity, world.users["volunteer"], **values)


def refused(activity: Activity, world: World, **changes: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        record(activity, world, **changes)
    assert Session.objects.count() == 0
    assert SessionVolunteer.objects.count() == 0
    return caught.value.messages


def test_a_session_is_stored_with_its_visitors_and_volunteer_hours(
    world: World, activity: Activity, helper: Person
) -> None:
    session = record(activity, world, volunteers={helper: Decimal("2.50")})

    assert (session.room, session.visitors, session.held_on) == (
        world.room,
        14,
        TODAY,
    )
    present = session.volunteers.get()
    assert (present.person, present.hours) == (helper, Decimal("2.50"))
    assert session.recorded_by == world.users["volunteer"]


def test_a_course_records_its_participants_by_name(
    world: World, course: Activity, helper: Person
) -> None:
    pupil = PersonFactory(rooms=[world.room])

    session = record(course, world, participants=[pupil])

    assert [row.person for row in session.participants.all()] == [pupil]


def test_a_session_in_the_future_is_refused(world: World, activity: Activity) -> None:
    messages = refused(activity, world, held_on=TODAY + datetime.timedelta(days=1))

    assert messages == [gettext("A session cannot be recorded before it is held.")]


def test_a_session_before_the_activity_started_is_refused(
    world: World, activity: Activity
) -> None:
    messages = refused(activity, world, held_on=datetime.date(2024, 12, 31))

    assert messages == [gettext("The activity had not started on that date.")]


def test_a_session_after_the_activity_ended_is_refused(world: World) -> None:
    ended = services.create_activity(
        world.room,
        name="Naaiatelier",
        kind=ActivityKind.SEWING,
        active_from=datetime.date(2025, 1, 1),
        active_until=datetime.date(2025, 6, 30),
    )

    messages = refused(ended, world, held_on=datetime.date(2025, 7, 1))

    assert messages == [gettext("The activity had ended by that date.")]


def test_negative_visitors_are_refused(world: World, activity: Activity) -> None:
    messages = refused(activity, world, visitors=-1)

    assert messages == [gettext("Visitors cannot be fewer than zero.")]


def test_more_than_a_thousand_visitors_is_refused(
    world: World, activity: Activity
) -> None:
    messages = refused(activity, world, visitors=1001)

    assert messages == [
        gettext("More than %(most)s visitors cannot be right.") % {"most": 1000}
    ]


@pytest.mark.parametrize("hours", ["0", "-1", "24.01", "1.005"])
def test_hours_outside_a_day_or_finer_than_cents_are_refused(
    world: World, activity: Activity, helper: Person, hours: str
) -> None:
    messages = refused(activity, world, volunteers={helper: Decimal(hours)})

    assert len(messages) == 1


def test_a_whole_day_of_hours_is_accepted(
    world: World, activity: Activity, helper: Person
) -> None:
    session = record(activity, world, volunteers={helper: Decimal("24")})

    assert session.volunteers.get().hours == Decimal("24.00")


def test_a_volunteer_of_another_room_is_refused(
    world: World, activity: Activity
) -> None:
    stranger = PersonFactory(rooms=[world.other_room])

    messages = refused(activity, world, volunteers={stranger: Decimal("2")})

    assert messages == [gettext("A volunteer is not one of the room's people.")]


def test_participants_on_an_activity_that_counts_visitors_are_refused(
    world: World, activity: Activity, helper: Person
) -> None:
    messages = refused(activity, world, participants=[helper])

    assert messages == [gettext("This activity counts visitors; it names nobody.")]


def test_a_participant_of_another_room_is_refused(
    world: World, course: Activity
) -> None:
    stranger = PersonFactory(rooms=[world.other_room])

    messages = refused(course, world, participants=[stranger])

    assert messages == [gettext("A participant is not one of the room's people.")]


def test_the_same_session_recorded_twice_is_stored_once(
    world: World, activity: Activity
) -> None:
    record(activity, world)

    with pytest.raises(ValidationError) as caught:
        record(activity, world, visitors=20)

    assert caught.value.messages == [gettext("This session has been recorded already.")]
    assert list(Session.objects.values_list("visitors", flat=True)) == [14]


def test_an_activity_led_by_someone_of_another_room_is_refused(
    world: World,
) -> None:
    stranger = PersonFactory(rooms=[world.other_room])

    with pytest.raises(ValidationError) as caught:
        services.create_activity(
            world.room,
            name="Computerbrigade",
            kind=ActivityKind.COMPUTER_BRIGADE,
            active_from=TODAY,
            leader=stranger,
        )

    assert caught.value.messages == [
        gettext("The leader is not one of the room's people.")
    ]
    assert not Activity.objects.exists()


def test_an_activity_that_ends_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        services.create_activity(
            world.room,
            name="Klusteam",
            kind=ActivityKind.HANDYMAN_TEAM,
            active_from=TODAY,
            active_until=TODAY - datetime.timedelta(days=1),
        )

    assert gettext("An activity cannot end before it starts.") in caught.value.messages
    assert not Activity.objects.exists()


def test_an_activity_cannot_end_before_a_session_it_held(
    world: World, activity: Activity
) -> None:
    record(activity, world, held_on=datetime.date(2026, 6, 2))

    with pytest.raises(ValidationError) as caught:
        services.update_activity(activity, active_until=datetime.date(2026, 6, 1))

    assert caught.value.messages == [gettext("It has sessions after that date.")]
    activity.refresh_from_db()
    assert activity.active_until is None


def test_an_activity_changes_its_schedule(world: World, activity: Activity) -> None:
    services.update_activity(activity, schedule="woensdag 13:30-16:00")

    activity.refresh_from_db()
    assert (activity.schedule, activity.usual_hours) == (
        "woensdag 13:30-16:00",
        Decimal("2.50"),
    )


def test_a_session_is_corrected_with_who_was_there_replaced(
    world: World, activity: Activity, helper: Person
) -> None:
    other = PersonFactory(rooms=[world.room])
    session = record(activity, world, volunteers={helper: Decimal("2")})

    services.correct_session(
        session,
        held_on=TODAY,
        visitors=15,
        volunteers={other: Decimal("3.25")},
        today=TODAY,
    )

    session.refresh_from_db()
    assert session.visitors == 15
    assert [(p.person, p.hours) for p in session.volunteers.all()] == [
        (other, Decimal("3.25"))
    ]


def test_a_correction_into_the_future_is_refused_and_changes_nothing(
    world: World, activity: Activity, helper: Person
) -> None:
    session = record(activity, world, volunteers={helper: Decimal("2")})

    with pytest.raises(ValidationError):
        services.correct_session(
            session,
            held_on=TODAY + datetime.timedelta(days=1),
            visitors=15,
            volunteers={},
            today=TODAY,
        )

    session.refresh_from_db()
    assert (session.held_on, session.visitors) == (TODAY, 14)
    assert session.volunteers.get().person == helper


def test_someone_a_participation_check_refuses_is_not_recorded(
    world: World, activity: Activity, helper: Person
) -> None:
    def excluded(person: object, room_id: int, day: datetime.date) -> str | None:
        if person == helper and room_id == world.room.pk and day == TODAY:
            return "Tijdelijk uitgesloten tot morgen."
        return None

    registry.register_participation_check(excluded)
    try:
        messages = refused(activity, world, volunteers={helper: Decimal("1.00")})
        assert messages == ["Tijdelijk uitgesloten tot morgen."]
        yesterday = TODAY - datetime.timedelta(days=1)
        session = record(
            activity, world, held_on=yesterday, volunteers={helper: Decimal("1.00")}
        )
        assert session.volunteers.get().person == helper
    finally:
        registry._participation_checks.remove(excluded)
