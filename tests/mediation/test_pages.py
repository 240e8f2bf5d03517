"""Mediation pages: case files read by the room's staff and the board with each
read logged, and the team's list of who is excluded until when."""

import datetime

from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from buurtwerkkamer.mediation.models import Exclusion
from tests.personas import World

from .factories import ExclusionFactory, MediationCaseFactory

DAY = datetime.timedelta(days=1)


def reads_of(record: object) -> list[int | None]:
    entries = LogEntry.objects.get_for_object(record).filter(
        action=LogEntry.Action.ACCESS
    )
    return list(entries.values_list("actor_id", flat=True))


def test_reading_a_case_logs_who_read_it(client, world: World) -> None:
    case = MediationCaseFactory(room=world.room)
    coach = world.users["project_coach"]
    client.force_login(coach)

    response = client.get(case.get_absolute_url())

    assert response.status_code == 200
    assert reads_of(case) == [coach.pk]


def test_reading_an_exclusion_logs_who_read_it(client, world: World) -> None:
    exclusion = ExclusionFactory(room=world.room)
    client.force_login(world.users["board"])

    client.get(exclusion.get_absolute_url())

    assert reads_of(exclusion) == [world.users["board"].pk]


def test_the_team_sees_who_is_excluded_until_when_but_not_why(
    client, world: World
) -> None:
    today = timezone.localdate()
    running = ExclusionFactory(
        room=world.room,
        starts_on=today - DAY,
        ends_on=today + 9 * DAY,
        reason="Geheime reden",
    )
    ExclusionFactory(room=world.room, starts_on=today - 20 * DAY, ends_on=today - DAY)
    client.force_login(world.users["volunteer"])

    response = client.get(reverse("mediation:room", kwargs={"room": world.room.slug}))

    assert response.context["current"] == [(str(running.person), running.ends_on)]
    page = response.content.decode()
    assert date_format(running.ends_on, "j F Y") in page
    assert "Geheime reden" not in page
    assert "cases" not in response.context
    assert reads_of(running) == []


def test_the_coordinator_decides_an_exclusion_from_the_room_page(
    client, world: World
) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=timezone.localdate())
    person = case.parties.first()
    client.force_login(world.users["team_coordinator"])
    today = timezone.localdate()

    response = client.post(
        reverse("mediation:case_exclusion", kwargs={"case": case.uuid}),
        {
            "person": person.pk,
            "starts_on": today.isoformat(),
            "ends_on": (today + 6 * DAY).isoformat(),
            "reason": "Herhaald geweld.",
        },
    )

    assert response.status_code == 302
    exclusion = Exclusion.objects.get()
    assert (exclusion.case, exclusion.decided_by) == (
        case,
        world.users["team_coordinator"],
    )


def test_an_exclusion_of_too_many_days_is_explained_at_the_last_day(
    client, world: World
) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=timezone.localdate())
    client.force_login(world.users["team_coordinator"])
    today = timezone.localdate()

    response = client.post(
        reverse("mediation:case_exclusion", kwargs={"case": case.uuid}),
        {
            "person": case.parties.first().pk,
            "starts_on": today.isoformat(),
            "ends_on": (today + 200 * DAY).isoformat(),
            "reason": "Herhaald geweld.",
        },
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["ends_on"]
    assert not Exclusion.objects.exists()
