"""Meetings through the API: planned, rescheduled, their minutes and action items
recorded through the services, read under the pages' rules; refusals come back
as 400 with the service's Dutch message, outsiders get 404."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from rest_framework.response import Response

from buurtwerkkamer.meetings.constants import MeetingStatus
from buurtwerkkamer.meetings.models import ActionItem, Meeting
from tests.meetings.factories import ActionItemFactory, AttendeeFactory, MeetingFactory

from ..personas import World
from .conftest import ApiFor
from .finance_helpers import dutch

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


def detail_url(meeting: Meeting, name: str = "detail") -> str:
    return reverse(f"api:meeting-{name}", kwargs={"uuid": meeting.uuid})


def started(world: World, **traits: object) -> Meeting:
    """A meeting of the home room that began an hour ago."""
    return MeetingFactory(
        room=world.room, starts_at=timezone.now() - timedelta(hours=1), **traits
    )


def test_the_coordinator_records_minutes_with_who_was_there_and_a_decision(
    world: World, api_for: ApiFor
) -> None:
    meeting = started(world)
    came = AttendeeFactory(meeting=meeting, user=world.users["volunteer"])
    AttendeeFactory(meeting=meeting, user=world.users["project_coach"])

    response = api_for("team_coordinator").post(
        detail_url(meeting, "minutes"),
        {
            "minutes": "De planning besproken.",
            "present": [str(came.uuid)],
            "decisions": ["We openen op zaterdag."],
        },
        format="json",
    )

    assert response.status_code == 200
    data = response.json()
    assert (data["status"], data["minutes"]) == ("held", "De planning besproken.")
    assert [d["text"] for d in data["decisions"]] == ["We openen op zaterdag."]
    assert list(meeting.attendees.filter(present=True)) == [came]


def test_minutes_before_the_meeting_are_refused_in_dutch(
    world: World, api_for: ApiFor
) -> None:
    meeting = MeetingFactory(
        room=world.room, starts_at=timezone.now() + timedelta(days=1)
    )

    response = api_for("team_coordinator").post(
        detail_url(meeting, "minutes"), {"minutes": "Te vroeg."}, format="json"
    )

    meeting.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            dutch("The minutes are recorded after the meeting, not before.")
        ]
    }
    assert (meeting.status, meeting.minutes) == (MeetingStatus.PLANNED, "")


def test_an_attendee_of_another_meeting_is_refused_as_present(
    world: World, api_for: ApiFor
) -> None:
    meeting = started(world)
    stranger = AttendeeFactory(meeting=started(world))

    response = api_for("team_coordinator").post(
        detail_url(meeting, "minutes"),
        {"minutes": "Besproken.", "present": [str(stranger.uuid)]},
        format="json",
    )

    meeting.refresh_from_db()
    assert response.status_code == 400
    assert list(response.json()) == ["present"]
    assert meeting.status == MeetingStatus.PLANNED


def test_a_volunteer_gets_403_on_recording_minutes(
    world: World, api_for: ApiFor
) -> None:
    meeting = started(world)

    response = api_for("volunteer").post(
        detail_url(meeting, "minutes"), {"minutes": "Besproken."}, format="json"
    )

    meeting.refresh_from_db()
    assert response.status_code == 403
    assert meeting.status == MeetingStatus.PLANNED


def test_an_outsider_gets_404_on_recording_minutes(
    world: World, api_for: ApiFor, elders_coordinator: str
) -> None:
    meeting = started(world)

    response = api_for(elders_coordinator).post(
        detail_url(meeting, "minutes"), {"minutes": "Besproken."}, format="json"
    )

    meeting.refresh_from_db()
    assert response.status_code == 404
    assert meeting.status == MeetingStatus.PLANNED


def action_payload(world: World, meeting: Meeting, **changes: object) -> dict:
    data = {
        "what": "Offerte voor de keuken opvragen",
        "owner": world.users["project_coach"].email,
        "due_on": (meeting.day + timedelta(days=14)).isoformat(),
    }
    data.update(changes)
    return data


def test_the_coordinator_gives_the_coach_an_action_item(
    world: World, api_for: ApiFor
) -> None:
    meeting = started(world, held=True)

    response = api_for("team_coordinator").post(
        detail_url(meeting, "add-action-item"),
        action_payload(world, meeting),
        format="json",
    )

    item = ActionItem.objects.get()
    assert response.status_code == 201
    assert (item.owner, item.due_on) == (
        world.users["project_coach"],
        meeting.day + timedelta(days=14),
    )
    assert [a["uuid"] for a in response.json()["action_items"]] == [str(item.uuid)]


def test_an_action_due_before_the_meeting_is_refused_in_dutch(
    world: World, api_for: ApiFor
) -> None:
    meeting = started(world, held=True)
    due = (meeting.day - timedelta(days=1)).isoformat()

    response = api_for("team_coordinator").post(
        detail_url(meeting, "add-action-item"),
        action_payload(world, meeting, due_on=due),
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "due_on": [dutch("An action cannot fall due before the meeting.")]
    }
    assert not ActionItem.objects.exists()


def test_an_owner_who_cannot_see_the_meeting_is_refused_in_dutch(
    world: World, api_for: ApiFor
) -> None:
    meeting = started(world, coaching=True)
    volunteer = world.users["volunteer"].email

    response = api_for("team_coordinator").post(
        detail_url(meeting, "add-action-item"),
        action_payload(world, meeting, owner=volunteer),
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "owner": [dutch("The owner must be able to see the meeting.")]
    }
    assert not ActionItem.objects.exists()


def test_a_partner_gets_403_on_adding_an_action_item(
    world: World, api_for: ApiFor
) -> None:
    meeting = started(world, partner=True)

    response = api_for("partner").post(
        detail_url(meeting, "add-action-item"),
        action_payload(world, meeting),
        format="json",
    )

    assert response.status_code == 403
    assert not ActionItem.objects.exists()


def test_an_outsider_gets_404_on_adding_an_action_item(
    world: World, api_for: ApiFor, elders_coordinator: str
) -> None:
    meeting = started(world)

    response = api_for(elders_coordinator).post(
        detail_url(meeting, "add-action-item"),
        action_payload(world, meeting),
        format="json",
    )

    assert response.status_code == 404
    assert not ActionItem.objects.exists()


def close(api_for: ApiFor, role: str, item: ActionItem, done_on: object) -> Response:
    return api_for(role).post(
        detail_url(item.meeting, "close-action-item"),
        {"action_item": str(item.uuid), "done_on": str(done_on)},
        format="json",
    )


def test_the_owner_closes_their_action_item(world: World, api_for: ApiFor) -> None:
    item = ActionItemFactory(meeting=started(world), owner=world.users["volunteer"])
    today = timezone.localdate()

    response = close(api_for, "volunteer", item, today)

    item.refresh_from_db()
    assert response.status_code == 200
    assert (item.done_on, item.done_by) == (today, world.users["volunteer"])
    assert response.json()["action_items"][0]["done_on"] == today.isoformat()


def test_an_action_done_in_the_future_is_refused_in_dutch(
    world: World, api_for: ApiFor
) -> None:
    item = ActionItemFactory(meeting=started(world), owner=world.users["volunteer"])

    response = close(
        api_for, "volunteer", item, timezone.localdate() + timedelta(days=1)
    )

    item.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {
        "done_on": [dutch("An action cannot be done in the future.")]
    }
    assert item.done_on is None


def test_a_volunteer_gets_403_on_closing_an_action_of_someone_else(
    world: World, api_for: ApiFor
) -> None:
    item = ActionItemFactory(meeting=started(world), owner=world.users["project_coach"])

    response = close(api_for, "volunteer", item, timezone.localdate())

    item.refresh_from_db()
    assert response.status_code == 403
    assert item.done_on is None


def test_an_outsider_gets_404_on_closing_an_action_item(
    world: World, api_for: ApiFor, elders_coordinator: str
) -> None:
    item = ActionItemFactory(meeting=started(world), owner=world.users["project_coach"])

    response = close(api_for, elders_coordinator, item, timezone.localdate())

    item.refresh_from_db()
    assert response.status_code == 404
    assert item.done_on is None


def test_the_coordinator_moves_a_planned_meeting(world: World, api_for: ApiFor) -> None:
    meeting = MeetingFactory(room=world.room)
    start = timezone.now() + timedelta(days=9)

    response = api_for("team_coordinator").post(
        detail_url(meeting, "reschedule"),
        {"title": "Later", "starts_at": start.isoformat(), "place": "Buurthuis"},
        format="json",
    )

    meeting.refresh_from_db()
    assert response.status_code == 200
    assert (meeting.title, meeting.starts_at, meeting.place) == (
        "Later",
        start,
        "Buurthuis",
    )


def test_a_meeting_held_is_not_moved_and_says_why_in_dutch(
    world: World, api_for: ApiFor
) -> None:
    meeting = MeetingFactory(room=world.room, held=True)
    start = timezone.now() + timedelta(days=9)

    response = api_for("team_coordinator").post(
        detail_url(meeting, "reschedule"),
        {"title": "Later", "starts_at": start.isoformat()},
        format="json",
    )

    meeting.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [dutch("The meeting has been held: it stays where it was.")]
    }
    assert meeting.title != "Later"
