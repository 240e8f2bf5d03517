"""Meetings through the API: planned through the services, read under the pages'
rules."""

from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.meetings.models import Meeting
from tests.meetings.factories import ActionItemFactory, MeetingFactory

from ..personas import World
from .conftest import ApiFor

LIST = "api:meeting-list"


def payload(room: str | None, **changes: object) -> dict:
    start = timezone.now() + timezone.timedelta(days=7)
    data = {
        "room": room,
        "kind": "team",
        "title": "Teamoverleg",
        "starts_at": start.isoformat(),
        "ends_at": (start + timezone.timedelta(hours=2)).isoformat(),
    }
    data.update(changes)
    return data


def test_the_coordinator_plans_a_meeting(world: World, api_for: ApiFor) -> None:
    response = api_for("team_coordinator").post(
        reverse(LIST), payload("thuis"), format="json"
    )
    assert response.status_code == 201
    assert Meeting.objects.get().planned_by == world.users["team_coordinator"]


def test_a_meeting_ending_before_it_starts_is_refused(
    world: World, api_for: ApiFor
) -> None:
    start = timezone.now()
    response = api_for("team_coordinator").post(
        reverse(LIST),
        payload("thuis", ends_at=(start - timezone.timedelta(hours=1)).isoformat()),
        format="json",
    )
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_a_volunteer_gets_403_on_planning(world: World, api_for: ApiFor) -> None:
    response = api_for("volunteer").post(reverse(LIST), payload("thuis"), format="json")
    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_a_coordinator_gets_403_on_a_meeting_of_the_cooperative(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("team_coordinator").post(
        reverse(LIST), payload(None, kind="work"), format="json"
    )
    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_a_partner_lists_only_the_partner_meetings_of_their_rooms(
    world: World, api_for: ApiFor
) -> None:
    partner_meeting = MeetingFactory(room=world.room, partner=True)
    MeetingFactory(room=world.room)
    MeetingFactory(room=world.other_room, partner=True)
    response = api_for("partner").get(reverse(LIST))
    assert [m["uuid"] for m in response.json()["results"]] == [
        str(partner_meeting.uuid)
    ]


def test_a_partner_reads_action_items_without_the_owners_name(
    world: World, api_for: ApiFor
) -> None:
    meeting = MeetingFactory(room=world.room, partner=True)
    ActionItemFactory(meeting=meeting, owner=world.users["volunteer"])
    url = reverse("api:meeting-detail", kwargs={"uuid": meeting.uuid})
    response = api_for("partner").get(url)
    assert [a["owner"] for a in response.json()["action_items"]] == [None]


def test_a_volunteer_gets_404_on_a_coaching_session(
    world: World, api_for: ApiFor
) -> None:
    meeting = MeetingFactory(room=world.room, coaching=True)
    url = reverse("api:meeting-detail", kwargs={"uuid": meeting.uuid})
    assert api_for("volunteer").get(url).status_code == 404
