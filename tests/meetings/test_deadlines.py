"""Open action items fall due on their owners' dashboards and calendars; meetings
coming up fall due for the room's staff."""

import datetime

from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.core.registry import deadlines_for
from tests.personas import World

from .factories import ActionItemFactory, MeetingFactory, at

TODAY = timezone.localdate()


def test_an_open_action_item_falls_due_for_its_owner(world: World) -> None:
    meeting = MeetingFactory(room=world.room, starts_at=at(TODAY))
    item = ActionItemFactory(
        meeting=meeting, owner=world.users["volunteer"], due_on=TODAY
    )
    found = [
        d for d in deadlines_for(world.users["volunteer"], TODAY) if d.kind == "action"
    ]
    assert [(d.due, d.url) for d in found] == [
        (item.due_on, meeting.get_absolute_url())
    ]


def test_a_done_action_item_falls_due_for_nobody(world: World) -> None:
    ActionItemFactory(
        meeting=MeetingFactory(room=world.room, starts_at=at(TODAY)),
        owner=world.users["volunteer"],
        due_on=TODAY,
        done_on=TODAY,
        done_by=world.users["volunteer"],
    )
    kinds = [d.kind for d in deadlines_for(world.users["volunteer"], TODAY)]
    assert "action" not in kinds


def test_an_action_item_is_its_owners_alone(world: World) -> None:
    ActionItemFactory(
        meeting=MeetingFactory(room=world.room, starts_at=at(TODAY)),
        owner=world.users["volunteer"],
        due_on=TODAY,
    )
    kinds = [d.kind for d in deadlines_for(world.users["team_coordinator"], TODAY)]
    assert "action" not in kinds


def test_a_meeting_coming_up_falls_due_for_the_rooms_staff(world: World) -> None:
    soon = TODAY + datetime.timedelta(days=7)
    meeting = MeetingFactory(room=world.room, starts_at=at(soon))
    for role in ("team_coordinator", "project_coach"):
        found = [
            d.url
            for d in deadlines_for(world.users[role], TODAY)
            if d.kind == "meeting"
        ]
        assert found == [meeting.get_absolute_url()], role


def test_the_owner_sees_the_action_item_on_the_dashboard(client, world: World) -> None:
    ActionItemFactory(
        meeting=MeetingFactory(room=world.room, starts_at=at(TODAY)),
        owner=world.users["volunteer"],
        what="Sleutels ophalen",
        due_on=TODAY,
    )
    client.force_login(world.users["volunteer"])
    response = client.get(reverse("core:dashboard"))
    titles = [d.title for d in response.context["deadlines"]]
    assert any("Sleutels ophalen" in title for title in titles)


def test_the_owner_finds_the_action_item_in_the_calendar_feed(
    client, world: World
) -> None:
    ActionItemFactory(
        meeting=MeetingFactory(room=world.room, starts_at=at(TODAY)),
        owner=world.users["volunteer"],
        what="Sleutels ophalen",
        due_on=TODAY,
    )
    token = world.users["volunteer"].calendar_token
    response = client.get(reverse("accounts:calendar_feed", kwargs={"token": token}))
    assert b"Sleutels ophalen" in response.content
