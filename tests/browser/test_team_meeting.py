"""A team meeting in the browser: the team coordinator plans it, records the
minutes and gives action items to the project coach and a volunteer, who find
them on their dashboards. Every page is axe-checked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from buurtwerkkamer.meetings.constants import MeetingKind, MeetingStatus
from buurtwerkkamer.meetings.models import Meeting
from tests.personas import World

from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIONS = {
    "project_coach": "Subsidieaanvraag buurtfonds nalezen",
    "volunteer": "Rooster kookclub rondsturen",
}


def test_action_items_of_a_team_meeting_reach_their_owners_dashboards(
    visitor: MakeVisitor, world: World
) -> None:
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    due = yesterday + datetime.timedelta(days=14)
    coordinator = visitor()
    coordinator.sign_in(world.users["team_coordinator"])

    coordinator.open(reverse("meetings:room", kwargs={"room": world.room.slug}))
    coordinator.follow(reverse("meetings:create", kwargs={"room": world.room.slug}))
    coordinator.main("[name=kind]").select_option(MeetingKind.TEAM)
    coordinator.main("[name=title]").fill("Teamoverleg december")
    coordinator.main("[name=day]").fill(yesterday.isoformat())
    coordinator.main("[name=starts]").fill("19:00")
    coordinator.submit()
    meeting = Meeting.objects.get()

    coordinator.follow(reverse("meetings:minutes", kwargs={"meeting": meeting.uuid}))
    coordinator.main("[name=minutes]").fill("Besproken: het rooster en de subsidie.")
    coordinator.submit()
    for role, what in ACTIONS.items():
        coordinator.follow(
            reverse("meetings:action_add", kwargs={"meeting": meeting.uuid})
        )
        coordinator.main("[name=what]").fill(what)
        coordinator.main("[name=owner]").select_option(str(world.users[role].pk))
        coordinator.main("[name=due_on]").fill(due.isoformat())
        coordinator.submit()

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    owners = {item.owner: item.what for item in meeting.action_items.all()}
    assert owners == {world.users[role]: what for role, what in ACTIONS.items()}

    for role, what in ACTIONS.items():
        owner = visitor()
        owner.sign_in(world.users[role])
        owner.open(reverse("core:dashboard"))
        with translation.override("nl"):
            title = translation.gettext("Action: %(what)s") % {"what": what}
        link = owner.main(f'a[href="{meeting.get_absolute_url()}"]')
        assert title in link.all_inner_texts()
