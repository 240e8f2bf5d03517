"""The annual partner meeting from start to finish: the team coordinator plans it,
invites everyone involved in the room, records the minutes with a decision and an
action item for the project coach, who then finds it on their dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.meetings.constants import MeetingKind, MeetingStatus
from buurtwerkkamer.meetings.models import Meeting
from tests.factories import ContactPersonFactory, PersonFactory
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WHAT = "Offerte voor de keuken opvragen"


def plan(coordinator: Visitor, world: World, day: datetime.date) -> Meeting:
    coordinator.open(reverse("meetings:room", kwargs={"room": world.room.slug}))
    coordinator.follow(reverse("meetings:create", kwargs={"room": world.room.slug}))
    coordinator.main("[name=kind]").select_option(MeetingKind.PARTNER.value)
    coordinator.main("[name=title]").fill("Partneroverleg Thuis")
    coordinator.main("[name=day]").fill(day.isoformat())
    coordinator.main("[name=starts]").fill("15:00")
    coordinator.main("[name=ends]").fill("17:00")
    coordinator.main("[name=place]").fill("De kamer")
    coordinator.submit()
    return Meeting.objects.get()


def record_minutes(coordinator: Visitor, meeting: Meeting) -> None:
    coordinator.follow(reverse("meetings:minutes", kwargs={"meeting": meeting.uuid}))
    coordinator.main("[name=minutes]").fill("Het jaar besproken met de partners.")
    for box in coordinator.main("[name=present]").all():
        box.check()
    coordinator.main("[name=decisions]").fill("De kookclub komt er een avond bij.")
    coordinator.submit()


def add_action(
    coordinator: Visitor, meeting: Meeting, world: World, due: datetime.date
) -> None:
    url = reverse("meetings:action_add", kwargs={"meeting": meeting.uuid})
    coordinator.follow(url)
    coordinator.main("[name=what]").fill(WHAT)
    coach = world.users["project_coach"]
    coordinator.main("[name=owner]").select_option(str(coach.pk))
    coordinator.main("[name=due_on]").fill(due.isoformat())
    coordinator.submit()


def test_a_partner_meetings_action_item_reaches_its_owners_dashboard(
    visitor: MakeVisitor, world: World
) -> None:
    ContactPersonFactory(organisation=world.partner_organisation, name="Els Gemeente")
    PersonFactory(first_name="Gerda", last_name="Pronk", rooms=[world.room])
    today = timezone.localdate()
    coordinator = visitor()
    coordinator.sign_in(world.users["team_coordinator"])

    # Held yesterday afternoon, so the minutes can be recorded now.
    meeting = plan(coordinator, world, today - datetime.timedelta(days=1))
    everyone = coordinator.main("form[action$='/iedereen-uitnodigen/'] button")
    coordinator.press(everyone)
    record_minutes(coordinator, meeting)
    add_action(coordinator, meeting, world, today + datetime.timedelta(days=14))

    meeting.refresh_from_db()
    assert coordinator.page.url == coordinator.base_url + meeting.get_absolute_url()
    assert (meeting.kind, meeting.status) == (MeetingKind.PARTNER, MeetingStatus.HELD)
    # Gerda, the partner's contact and the three users with a role in the room.
    assert meeting.attendees.count() == meeting.attendees.filter(present=True).count()
    assert meeting.attendees.count() == 5
    assert [d.text for d in meeting.decisions.all()] == [
        "De kookclub komt er een avond bij."
    ]
    coach = visitor()
    coach.sign_in(world.users["project_coach"])
    coach.open(reverse("core:dashboard"))
    falls_due = coach.main("section[aria-labelledby=h-deadlines] a")
    links = falls_due.evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.textContent.trim()])"
    )
    title = dutch("Action: %(what)s", what=WHAT)
    assert [meeting.get_absolute_url(), title] in links
    coach.press(falls_due.filter(has_text=title))
    assert coach.page.url == coach.base_url + meeting.get_absolute_url()
    # The owner may close their own action on the meeting's page.
    done = coach.main(f"form[action$='{meeting.action_items.get().uuid}/afgerond/']")
    assert done.count() == 1
