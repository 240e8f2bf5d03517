"""Rescheduling a planned meeting: a new title, time or place through the service
and its page, with the refusals of planning; a refused change changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from buurtwerkkamer.meetings import services
from buurtwerkkamer.meetings.models import Meeting
from buurtwerkkamer.rooms.constants import Stage
from tests.personas import World

from .factories import DAY, ActionItemFactory, MeetingFactory, at

LATER = DAY + datetime.timedelta(days=7)


def reschedule(
    meeting: Meeting, world: World, role: str = "team_coordinator", **changes: object
) -> Meeting:
    data: dict = {
        "title": "Teamoverleg verzet",
        "starts_at": at(LATER, 14),
        "ends_at": at(LATER, 16),
        "place": "Buurthuis",
    }
    data.update(changes)
    return services.reschedule_meeting(meeting, world.users[role], **data)


def unchanged(meeting: Meeting) -> tuple:
    fresh = Meeting.objects.get(pk=meeting.pk)
    return (fresh.title, fresh.starts_at, fresh.ends_at, fresh.place)


def test_the_coordinator_moves_a_planned_meeting(world: World) -> None:
    meeting = MeetingFactory(room=world.room)

    reschedule(meeting, world)

    assert unchanged(meeting) == (
        "Teamoverleg verzet",
        at(LATER, 14),
        at(LATER, 16),
        "Buurthuis",
    )


def test_a_meeting_held_keeps_its_time_and_place(world: World) -> None:
    meeting = MeetingFactory(room=world.room, held=True)
    before = unchanged(meeting)

    with pytest.raises(ValidationError):
        reschedule(meeting, world)

    assert unchanged(meeting) == before


def test_a_new_time_that_ends_before_it_starts_is_refused(world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    before = unchanged(meeting)

    with pytest.raises(ValidationError):
        reschedule(meeting, world, ends_at=at(LATER, 12))

    assert unchanged(meeting) == before


def test_a_volunteer_may_not_reschedule(world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    before = unchanged(meeting)

    with pytest.raises(PermissionDenied):
        reschedule(meeting, world, "volunteer")

    assert unchanged(meeting) == before


def test_a_coordinator_may_not_reschedule_a_meeting_of_another_room(
    world: World,
) -> None:
    meeting = MeetingFactory(room=world.other_room)

    with pytest.raises(PermissionDenied):
        reschedule(meeting, world)

    assert unchanged(meeting)[0] != "Teamoverleg verzet"


def test_a_meeting_of_a_closed_room_is_not_moved(world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    before = unchanged(meeting)
    world.room.stage = Stage.CLOSED
    world.room.save()

    with pytest.raises(ValidationError):
        reschedule(meeting, world)

    assert unchanged(meeting) == before


def test_a_meeting_is_not_moved_past_the_due_date_of_its_actions(
    world: World,
) -> None:
    meeting = MeetingFactory(room=world.room)
    ActionItemFactory(meeting=meeting, due_on=DAY + datetime.timedelta(days=2))
    before = unchanged(meeting)

    with pytest.raises(ValidationError) as refusal:
        reschedule(meeting, world)

    assert list(refusal.value.error_dict) == ["starts_at"]
    assert unchanged(meeting) == before


def test_the_page_shows_the_meeting_as_it_stands(client, world: World) -> None:
    meeting = MeetingFactory(room=world.room, place="De kamer")
    client.force_login(world.users["team_coordinator"])

    response = client.get(reverse("meetings:reschedule", args=[meeting.uuid]))

    form = response.context["form"]
    assert response.status_code == 200
    assert (form["day"].value(), form["place"].value()) == (DAY, "De kamer")


def test_the_page_moves_the_meeting(client, world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    client.force_login(world.users["project_coach"])

    response = client.post(
        reverse("meetings:reschedule", args=[meeting.uuid]),
        {"title": "Later", "day": LATER.isoformat(), "starts": "14:00"},
    )

    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert unchanged(meeting) == ("Later", at(LATER, 14), None, "")


def test_the_page_refuses_a_meeting_that_ends_before_it_starts(
    client, world: World
) -> None:
    meeting = MeetingFactory(room=world.room)
    before = unchanged(meeting)
    client.force_login(world.users["team_coordinator"])

    response = client.post(
        reverse("meetings:reschedule", args=[meeting.uuid]),
        {
            "title": "Later",
            "day": LATER.isoformat(),
            "starts": "14:00",
            "ends": "13:00",
        },
    )

    assert response.status_code == 400
    assert unchanged(meeting) == before


def test_a_volunteer_gets_403_on_the_page(client, world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    client.force_login(world.users["volunteer"])

    response = client.get(reverse("meetings:reschedule", args=[meeting.uuid]))

    assert response.status_code == 403
