"""Planning, inviting, minutes and action items through the services, and every
refusal: a refused operation changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from buurtwerkkamer.meetings import services
from buurtwerkkamer.meetings.constants import MeetingKind, MeetingStatus
from buurtwerkkamer.meetings.models import ActionItem, Attendee, Meeting
from buurtwerkkamer.rooms.constants import Stage
from tests.factories import (
    ContactPersonFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.personas import World

from .factories import DAY, ActionItemFactory, MeetingFactory, at

TODAY = DAY + datetime.timedelta(days=3)
NOW = at(TODAY, 12)


def plan(world: World, role: str = "team_coordinator", **changes: object) -> Meeting:
    data: dict = {
        "room": world.room,
        "kind": MeetingKind.TEAM,
        "title": "Teamoverleg december",
        "starts_at": at(DAY),
        "ends_at": at(DAY, 21),
    }
    data.update(changes)
    return services.plan_meeting(world.users[role], **data)


def test_the_coordinator_plans_a_meeting_of_the_room(world: World) -> None:
    meeting = plan(world)
    assert (meeting.room, meeting.status) == (world.room, MeetingStatus.PLANNED)
    assert meeting.planned_by == world.users["team_coordinator"]


def test_a_meeting_that_ends_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        plan(world, ends_at=at(DAY, 17))
    assert not Meeting.objects.exists()


def test_a_volunteer_may_not_plan_a_meeting(world: World) -> None:
    with pytest.raises(PermissionDenied):
        plan(world, "volunteer")
    assert not Meeting.objects.exists()


def test_a_coordinator_may_not_plan_a_meeting_of_another_room(world: World) -> None:
    with pytest.raises(PermissionDenied):
        plan(world, room=world.other_room)
    assert not Meeting.objects.exists()


def test_a_team_meeting_without_a_room_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        plan(world, "board", room=None)
    assert not Meeting.objects.exists()


def test_the_board_plans_a_work_meeting_of_the_whole_cooperative(
    world: World,
) -> None:
    meeting = plan(world, "board", room=None, kind=MeetingKind.WORK)
    assert meeting.room is None


def test_a_coordinator_may_not_plan_a_meeting_of_the_cooperative(
    world: World,
) -> None:
    with pytest.raises(PermissionDenied):
        plan(world, room=None, kind=MeetingKind.WORK)
    assert not Meeting.objects.exists()


def test_a_closed_room_holds_no_meetings(world: World) -> None:
    world.room.stage = Stage.CLOSED
    world.room.save()
    with pytest.raises(ValidationError):
        plan(world, "board")
    assert not Meeting.objects.exists()


def test_a_coaching_session_invites_the_coach_and_the_coordinator(
    world: World,
) -> None:
    meeting = plan(world, "project_coach", kind=MeetingKind.COACHING)
    users = set(meeting.attendees.values_list("user__email", flat=True))
    assert users == {"project_coach@example.nl", "team_coordinator@example.nl"}


def test_the_agenda_of_a_held_meeting_stays(world: World) -> None:
    meeting = MeetingFactory(room=world.room, held=True, agenda="Oud")
    with pytest.raises(ValidationError):
        services.set_agenda(meeting, world.users["team_coordinator"], "Nieuw")
    meeting.refresh_from_db()
    assert meeting.agenda == "Oud"


def partner_meeting(world: World) -> Meeting:
    return plan(world, kind=MeetingKind.PARTNER, title="Partneroverleg 2026")


def test_the_partner_meeting_invites_everyone_involved_in_the_room(
    world: World,
) -> None:
    resident = PersonFactory(rooms=[world.room])
    member = MembershipFactory(person=PersonFactory(rooms=[world.room])).person
    MembershipFactory(
        person=PersonFactory(rooms=[world.room]), left_on=datetime.date(2026, 1, 1)
    )
    PersonFactory(rooms=[world.other_room])
    coordinator = PersonFactory(
        rooms=[world.room], user=world.users["team_coordinator"]
    )
    contact = ContactPersonFactory(organisation=world.partner_organisation)
    ContactPersonFactory(organisation=OrganisationFactory())
    meeting = partner_meeting(world)

    added = services.invite_everyone(meeting, world.users["team_coordinator"], TODAY)

    attendees = meeting.attendees.all()
    assert {a.person for a in attendees if a.person} == {resident, member}
    assert {a.contact for a in attendees if a.contact} == {contact}
    assert {a.user.email for a in attendees if a.user} == {
        "project_coach@example.nl",
        "team_coordinator@example.nl",
        "volunteer@example.nl",
    }
    assert coordinator not in {a.person for a in attendees}
    assert added == 6


def test_inviting_everyone_twice_adds_nobody_the_second_time(world: World) -> None:
    PersonFactory(rooms=[world.room])
    meeting = partner_meeting(world)
    first = services.invite_everyone(meeting, world.users["team_coordinator"], TODAY)
    again = services.invite_everyone(meeting, world.users["team_coordinator"], TODAY)
    assert (first, again) == (4, 0)
    assert meeting.attendees.count() == 4


def test_everyone_is_invited_to_a_partner_meeting_only(world: World) -> None:
    meeting = plan(world)
    with pytest.raises(ValidationError):
        services.invite_everyone(meeting, world.users["team_coordinator"], TODAY)
    assert not meeting.attendees.exists()


def test_a_person_of_another_room_cannot_be_invited(world: World) -> None:
    meeting = plan(world)
    stranger = PersonFactory(rooms=[world.other_room])
    with pytest.raises(ValidationError):
        services.invite(meeting, world.users["team_coordinator"], people=[stranger])
    assert not meeting.attendees.exists()


def test_a_contact_of_an_organisation_outside_the_room_cannot_be_invited(
    world: World,
) -> None:
    meeting = plan(world)
    contact = ContactPersonFactory()
    with pytest.raises(ValidationError):
        services.invite(meeting, world.users["team_coordinator"], contacts=[contact])
    assert not meeting.attendees.exists()


def test_nobody_is_invited_to_a_meeting_held(world: World) -> None:
    meeting = MeetingFactory(room=world.room, held=True)
    with pytest.raises(ValidationError):
        services.invite(
            meeting, world.users["team_coordinator"], users=[world.users["board"]]
        )
    assert not meeting.attendees.exists()


def test_minutes_make_the_meeting_held_with_presence_and_decisions(
    world: World,
) -> None:
    meeting = MeetingFactory(room=world.room)
    there = Attendee.objects.create(meeting=meeting, user=world.users["volunteer"])
    away = Attendee.objects.create(meeting=meeting, user=world.users["project_coach"])

    services.record_minutes(
        meeting,
        world.users["team_coordinator"],
        minutes="Rooster besproken.",
        present=[there],
        decisions=["Open op zaterdag", "", "Nieuwe koffiemachine"],
        now=NOW,
    )

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert [d.text for d in meeting.decisions.all()] == [
        "Open op zaterdag",
        "Nieuwe koffiemachine",
    ]
    assert dict(meeting.attendees.values_list("pk", "present")) == {
        there.pk: True,
        away.pk: False,
    }


def test_minutes_before_the_meeting_are_refused(world: World) -> None:
    meeting = MeetingFactory(room=world.room, starts_at=at(TODAY, 19))
    with pytest.raises(ValidationError):
        services.record_minutes(
            meeting,
            world.users["team_coordinator"],
            minutes="Te vroeg.",
            decisions=["Iets"],
            now=NOW,
        )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.minutes) == (MeetingStatus.PLANNED, "")
    assert not meeting.decisions.exists()


def test_empty_minutes_are_refused(world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    with pytest.raises(ValidationError):
        services.record_minutes(
            meeting, world.users["team_coordinator"], minutes="  ", now=NOW
        )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_a_volunteer_may_not_record_minutes(world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    with pytest.raises(PermissionDenied):
        services.record_minutes(
            meeting, world.users["volunteer"], minutes="Verslag", now=NOW
        )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def add_action(world: World, meeting: Meeting, **changes: object) -> ActionItem:
    data: dict = {
        "what": "Offerte opvragen",
        "owner": world.users["volunteer"],
        "due_on": DAY + datetime.timedelta(days=10),
    }
    data.update(changes)
    return services.add_action_item(meeting, world.users["team_coordinator"], **data)


def test_an_action_item_falls_due_after_its_meeting(world: World) -> None:
    item = add_action(world, MeetingFactory(room=world.room))
    assert (item.owner, item.due_on) == (
        world.users["volunteer"],
        DAY + datetime.timedelta(days=10),
    )


def test_an_action_due_before_the_meeting_is_refused(world: World) -> None:
    meeting = MeetingFactory(room=world.room)
    with pytest.raises(ValidationError):
        add_action(world, meeting, due_on=DAY - datetime.timedelta(days=1))
    assert not ActionItem.objects.exists()


def test_an_owner_who_cannot_see_the_meeting_is_refused(world: World) -> None:
    meeting = MeetingFactory(room=world.room, coaching=True)
    with pytest.raises(ValidationError):
        add_action(world, meeting, owner=world.users["volunteer"])
    assert not ActionItem.objects.exists()


def test_the_owner_marks_their_action_done(world: World) -> None:
    item = ActionItemFactory(
        meeting=MeetingFactory(room=world.room), owner=world.users["volunteer"]
    )
    services.complete_action_item(
        item, world.users["volunteer"], done_on=TODAY, today=TODAY
    )
    item.refresh_from_db()
    assert (item.done_on, item.done_by) == (TODAY, world.users["volunteer"])


def test_the_coordinator_marks_an_action_of_another_done(world: World) -> None:
    item = ActionItemFactory(
        meeting=MeetingFactory(room=world.room), owner=world.users["volunteer"]
    )
    services.complete_action_item(
        item, world.users["team_coordinator"], done_on=TODAY, today=TODAY
    )
    item.refresh_from_db()
    assert item.done_by == world.users["team_coordinator"]


def test_someone_else_may_not_close_an_action(world: World) -> None:
    item = ActionItemFactory(
        meeting=MeetingFactory(room=world.room, partner=True),
        owner=world.users["volunteer"],
    )
    with pytest.raises(PermissionDenied):
        services.complete_action_item(
            item, world.users["partner"], done_on=TODAY, today=TODAY
        )
    item.refresh_from_db()
    assert item.done_on is None


def test_an_action_done_in_the_future_is_refused(world: World) -> None:
    item = ActionItemFactory(
        meeting=MeetingFactory(room=world.room), owner=world.users["volunteer"]
    )
    with pytest.raises(ValidationError):
        services.complete_action_item(
            item,
            world.users["volunteer"],
            done_on=TODAY + datetime.timedelta(days=1),
            today=TODAY,
        )
    item.refresh_from_db()
    assert item.done_on is None


def test_an_action_done_before_its_meeting_is_refused(world: World) -> None:
    item = ActionItemFactory(
        meeting=MeetingFactory(room=world.room), owner=world.users["volunteer"]
    )
    with pytest.raises(ValidationError):
        services.complete_action_item(
            item,
            world.users["volunteer"],
            done_on=DAY - datetime.timedelta(days=1),
            today=TODAY,
        )
    item.refresh_from_db()
    assert item.done_on is None


def test_an_action_done_already_is_not_closed_again(world: World) -> None:
    item = ActionItemFactory(
        meeting=MeetingFactory(room=world.room),
        owner=world.users["volunteer"],
        done_on=DAY,
        done_by=world.users["volunteer"],
    )
    with pytest.raises(ValidationError):
        services.complete_action_item(
            item, world.users["team_coordinator"], done_on=TODAY, today=TODAY
        )
    item.refresh_from_db()
    assert (item.done_on, item.done_by) == (DAY, world.users["volunteer"])
