"""Team pages: volunteers read the house rules in effect; breaches are case
files whose reads are logged."""

import datetime

from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.teamwork.models import HouseRules
from tests.meetings.factories import MeetingFactory, at
from tests.personas import World

from .factories import BreachFactory, HouseRulesFactory, YearlyGoalFactory

DAY = datetime.timedelta(days=1)


def test_a_volunteer_reads_the_house_rules_in_effect(client, world: World) -> None:
    today = timezone.localdate()
    HouseRulesFactory(room=world.room, effective_from=today - 50 * DAY, text="Oud")
    current = HouseRulesFactory(
        room=world.room, effective_from=today - DAY, text="Nieuw"
    )
    HouseRulesFactory(room=world.room, effective_from=today + 9 * DAY, text="Straks")
    client.force_login(world.users["volunteer"])

    response = client.get(reverse("teamwork:room", kwargs={"room": world.room.slug}))

    assert response.context["rules"] == current


def test_reading_a_breach_logs_who_read_it(client, world: World) -> None:
    breach = BreachFactory(room=world.room)
    client.force_login(world.users["team_coordinator"])

    client.get(breach.get_absolute_url())

    entries = LogEntry.objects.get_for_object(breach).filter(
        action=LogEntry.Action.ACCESS
    )
    assert list(entries.values_list("actor_id", flat=True)) == [
        world.users["team_coordinator"].pk
    ]


def test_the_coordinator_writes_a_new_version_from_the_last(
    client, world: World
) -> None:
    today = timezone.localdate()
    HouseRulesFactory(room=world.room, effective_from=today - 50 * DAY)
    client.force_login(world.users["team_coordinator"])

    response = client.post(
        reverse("teamwork:rules_create", kwargs={"room": world.room.slug}),
        {"effective_from": (today + DAY).isoformat(), "text": "Nieuwe regels"},
    )

    assert response.status_code == 302
    newest = HouseRules.objects.get(text="Nieuwe regels")
    assert newest.written_by == world.users["team_coordinator"]


def test_the_goals_page_lists_the_year_and_its_coaching_sessions(
    client, world: World
) -> None:
    year = timezone.localdate().year
    goal = YearlyGoalFactory(room=world.room, year=year)
    YearlyGoalFactory(room=world.room, year=year - 1)
    coaching = MeetingFactory(
        room=world.room, coaching=True, starts_at=at(datetime.date(year, 3, 1))
    )
    client.force_login(world.users["project_coach"])

    response = client.get(
        reverse("teamwork:goal_list", kwargs={"room": world.room.slug})
    )

    assert list(response.context["goals"]) == [goal]
    assert list(response.context["coaching"]) == [coaching]
