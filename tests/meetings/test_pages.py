"""The meeting pages: planning, the meeting with its parts, minutes and action
items through the forms, and what a partner user is shown."""

import datetime

from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.meetings.constants import MeetingKind, MeetingStatus
from buurtwerkkamer.meetings.models import Meeting
from tests.factories import ContactPersonFactory, OrganisationFactory, PersonFactory
from tests.personas import World

from .factories import ActionItemFactory, AttendeeFactory, MeetingFactory, at

TODAY = timezone.localdate()


def test_the_coordinator_plans_a_meeting_through_the_form(client, world: World) -> None:
    client.force_login(world.users["team_coordinator"])
    day = TODAY + datetime.timedelta(days=10)
    response = client.post(
        reverse("meetings:create", kwargs={"room": "thuis"}),
        {
            "kind": MeetingKind.PARTNER,
            "title": "Partneroverleg",
            "day": day.isoformat(),
            "starts": "19:00",
            "ends": "21:00",
            "place": "De kamer",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert (meeting.day, meeting.kind) == (day, MeetingKind.PARTNER)


def test_a_meeting_ending_before_it_starts_is_refused_on_the_form(
    client, world: World
) -> None:
    client.force_login(world.users["team_coordinator"])
    response = client.post(
        reverse("meetings:create", kwargs={"room": "thuis"}),
        {
            "kind": MeetingKind.TEAM,
            "title": "Teamoverleg",
            "day": TODAY.isoformat(),
            "starts": "19:00",
            "ends": "18:00",
        },
    )
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_minutes_with_a_decision_through_the_form(client, world: World) -> None:
    meeting = MeetingFactory(room=world.room, starts_at=at(TODAY, 0))
    attendee = AttendeeFactory(meeting=meeting, user=world.users["volunteer"])
    client.force_login(world.users["team_coordinator"])
    response = client.post(
        reverse("meetings:minutes", kwargs={"meeting": meeting.uuid}),
        {"minutes": "Goed overleg.", "present": [attendee.pk], "decisions": "Door"},
    )
    meeting.refresh_from_db()
    assert response.status_code == 302
    assert meeting.status == MeetingStatus.HELD
    assert list(meeting.decisions.values_list("text", flat=True)) == ["Door"]


def test_the_owner_closes_their_action_on_the_meeting_page(
    client, world: World
) -> None:
    meeting = MeetingFactory(room=world.room, starts_at=at(TODAY, 0))
    item = ActionItemFactory(meeting=meeting, owner=world.users["volunteer"])
    client.force_login(world.users["volunteer"])
    response = client.post(
        reverse("meetings:action_done", kwargs={"action": item.uuid}),
        {"done_on": TODAY.isoformat()},
    )
    item.refresh_from_db()
    assert response.status_code == 302
    assert item.done_on == TODAY


def test_a_partner_sees_their_own_contacts_by_name_and_others_counted(
    client, world: World
) -> None:
    meeting = MeetingFactory(room=world.room, partner=True)
    own = ContactPersonFactory(organisation=world.partner_organisation, name="Els")
    AttendeeFactory(meeting=meeting, user=None, contact=own)
    other = OrganisationFactory(name="Fonds Anders")
    world.room.partners.add(other)
    AttendeeFactory(
        meeting=meeting,
        user=None,
        contact=ContactPersonFactory(organisation=other, name="Geheim"),
    )
    for _ in range(2):
        AttendeeFactory(meeting=meeting, user=None, person=PersonFactory())
    client.force_login(world.users["partner"])

    response = client.get(meeting.get_absolute_url())

    rows = [(r.label, r.detail, r.count) for r in response.context["attendees"]]
    assert ("Els", "Gemeente Thuis", 1) in rows
    assert ("", "Fonds Anders", 1) in rows
    assert sum(r.count for r in response.context["attendees"] if not r.label) == 3
    assert b"Geheim" not in response.content


def test_the_room_list_shows_the_rooms_meetings(client, world: World) -> None:
    mine = MeetingFactory(room=world.room)
    MeetingFactory(room=world.other_room)
    client.force_login(world.users["volunteer"])
    response = client.get(reverse("meetings:room", kwargs={"room": "thuis"}))
    assert list(response.context["page"]) == [mine]


def detail_queries(client, meeting: Meeting) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(meeting.get_absolute_url()).status_code == 200
    return len(captured)


def test_the_meeting_page_takes_the_same_queries_for_few_and_many(
    client, world: World
) -> None:
    meeting = MeetingFactory(room=world.room, partner=True)
    client.force_login(world.users["team_coordinator"])
    AttendeeFactory(meeting=meeting, user=None, person=PersonFactory())
    ActionItemFactory(meeting=meeting)
    few = detail_queries(client, meeting)
    for _ in range(10):
        AttendeeFactory(meeting=meeting, user=None, person=PersonFactory())
        AttendeeFactory(meeting=meeting)
        ActionItemFactory(meeting=meeting)
    assert detail_queries(client, meeting) == few
