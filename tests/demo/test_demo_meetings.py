"""The demo's meetings: team meetings every month with minutes, an annual partner
meeting per operational room to which everyone was invited, coaching, and action
items of which some are done, some open and one overdue."""

import pytest

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.demo.facts.people import LOGINS
from buurtwerkkamer.meetings.constants import MeetingKind, MeetingStatus
from buurtwerkkamer.meetings.deadlines import open_action_items
from buurtwerkkamer.meetings.inbox import minutes_to_record
from buurtwerkkamer.meetings.models import ActionItem, Meeting
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .conftest import LOAD_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]

TEAM = MeetingKind.TEAM


def operational() -> list[Room]:
    return list(Room.objects.filter(stage=Stage.OPERATIONAL).order_by("slug"))


def test_each_operational_room_meets_as_a_team_every_month() -> None:
    for room in operational():
        held = Meeting.objects.filter(
            room=room, kind=TEAM, starts_at__date__lt=LOAD_DAY
        )
        months = {(m.day.year, m.day.month) for m in held}
        assert len(months) == held.count() >= 6, room.slug


def test_team_meetings_held_have_minutes_but_one_waits_for_them() -> None:
    past = Meeting.objects.filter(kind=TEAM, starts_at__date__lt=LOAD_DAY)

    waiting = past.filter(status=MeetingStatus.PLANNED)

    assert waiting.count() == 1
    assert all(m.minutes for m in past.filter(status=MeetingStatus.HELD))
    coordinator = User.objects.get(
        grants__room=waiting.get().room_id, grants__role="team_coordinator"
    )
    # The inbox asks the clock, which runs on past the day of the load.
    inbox = [item.url for item in minutes_to_record(coordinator)]
    assert waiting.get().get_absolute_url() in inbox


def test_each_room_plans_its_next_team_meeting() -> None:
    upcoming = Meeting.objects.filter(kind=TEAM, starts_at__date__gt=LOAD_DAY)

    assert sorted(m.room.slug for m in upcoming) == [r.slug for r in operational()]
    assert all(m.status == MeetingStatus.PLANNED for m in upcoming)


def test_every_operational_room_held_a_partner_meeting_with_everyone_invited() -> None:
    for room in operational():
        meeting = Meeting.objects.get(room=room, kind=MeetingKind.PARTNER)
        contacts = meeting.attendees.filter(contact__isnull=False)
        organisations = set(contacts.values_list("contact__organisation", flat=True))
        assert meeting.status == MeetingStatus.HELD
        assert organisations == set(room.partners.values_list("pk", flat=True))
        assert meeting.attendees.filter(person__isnull=False).exists()
        assert meeting.decisions.count() == 2


def test_the_coach_coaches_the_coordinator_of_the_room_they_share() -> None:
    session = Meeting.objects.get(kind=MeetingKind.COACHING, status=MeetingStatus.HELD)

    invited = set(session.attendees.values_list("user__email", flat=True))

    assert invited == {
        "coach@buurtwerkkamer.nl",
        "teamcoordinator.ondiep@buurtwerkkamer.nl",
    }


def test_action_items_are_done_open_and_one_overdue() -> None:
    items = ActionItem.objects.all()
    done = items.filter(done_on__isnull=False)
    open_ = items.filter(done_on__isnull=True)

    overdue = open_.filter(due_on__lt=LOAD_DAY)

    assert done.count() > open_.count() > 1
    assert overdue.count() == 1
    assert all(item.done_by_id == item.owner_id for item in done)


def test_action_items_belong_to_demo_logins_and_show_on_their_dashboards() -> None:
    emails = {login.email for login in LOGINS}
    overdue = ActionItem.objects.get(done_on__isnull=True, due_on__lt=LOAD_DAY)

    deadlines = open_action_items(overdue.owner, LOAD_DAY)

    owners = set(ActionItem.objects.values_list("owner__email", flat=True))
    assert owners <= emails
    assert len(owners) >= 4
    assert overdue.meeting.get_absolute_url() in [d.url for d in deadlines]
