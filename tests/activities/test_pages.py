"""The pages: who may do what, recording a session through the form, and the
activity's sessions in a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from buurtwerkkamer.activities.models import Activity, Session
from buurtwerkkamer.people.models import Person
from tests.personas import World

from .factories import ActivityFactory, SessionFactory, SessionVolunteerFactory

# What each persona of the home room may do, by the policy of DESIGN.md section 2.
MAY = {
    "board": {"view", "change", "overview", "people"},
    "treasurer": {"view", "overview", "people"},
    "project_coach": {"view", "overview", "people"},
    "team_coordinator": {"view", "change", "record", "people"},
    "volunteer": {"view", "record"},
    "audit_committee": {"view", "overview"},
    "accountant": {"view", "overview"},
    "partner": set(),
    "nobody": set(),
}
PERMISSIONS = {
    "view": "activities.view_activity",
    "change": "activities.change_activity",
    "record": "activities.record_session",
    "people": "activities.view_people",
}


@pytest.mark.parametrize("role", MAY)
def test_each_role_holds_the_rights_the_policy_gives_it(
    world: World, activity: Activity, role: str
) -> None:
    user = world.users[role]
    held = {key for key, name in PERMISSIONS.items() if user.has_perm(name, activity)}
    if user.has_perm("activities.view_overview"):
        held.add("overview")

    assert held == MAY[role]


def test_a_volunteer_of_another_room_may_not_record_here(
    world: World, activity: Activity
) -> None:
    elsewhere = ActivityFactory(room=world.other_room)

    assert not world.users["volunteer"].has_perm("activities.record_session", elsewhere)


def post_session(client, activity: Activity, data: dict):  # noqa: ANN001, ANN201
    url = reverse("activities:record", kwargs={"activity": activity.uuid})
    return client.post(url, data)


def test_a_volunteer_records_a_session_through_the_form(
    client, world: World, activity: Activity, helper: Person
) -> None:
    client.force_login(world.users["volunteer"])
    today = timezone.localdate()

    response = post_session(
        client,
        activity,
        {
            "held_on": today.isoformat(),
            "visitors": "17",
            f"present_{helper.pk}": "on",
            f"hours_{helper.pk}": "2.5",
            "notes": "Soep",
        },
    )

    assert response.status_code == 302
    session = Session.objects.get()
    assert (session.held_on, session.visitors, session.notes) == (today, 17, "Soep")
    assert [(p.person, p.hours) for p in session.volunteers.all()] == [
        (helper, Decimal("2.50"))
    ]


def test_the_form_offers_todays_date_and_the_usual_hours(
    client, world: World, activity: Activity, helper: Person
) -> None:
    client.force_login(world.users["volunteer"])

    response = client.get(
        reverse("activities:record", kwargs={"activity": activity.uuid})
    )

    form = response.context["form"]
    assert form["held_on"].value() == timezone.localdate()
    assert form[f"hours_{helper.pk}"].value() == Decimal("2.00")
    assert 'inputmode="numeric"' in str(form["visitors"])


def test_a_session_in_the_future_gets_a_message_and_stores_nothing(
    client, world: World, activity: Activity
) -> None:
    client.force_login(world.users["volunteer"])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = post_session(
        client, activity, {"held_on": tomorrow.isoformat(), "visitors": "3"}
    )

    assert response.status_code == 400
    assert response.context["form"].errors["held_on"] == [
        gettext("A session cannot be recorded before it is held.")
    ]
    assert not Session.objects.exists()


def test_a_ticked_volunteer_without_hours_is_asked_for_them(
    client, world: World, activity: Activity, helper: Person
) -> None:
    client.force_login(world.users["volunteer"])

    response = post_session(
        client,
        activity,
        {
            "held_on": timezone.localdate().isoformat(),
            "visitors": "3",
            f"present_{helper.pk}": "on",
            f"hours_{helper.pk}": "",
        },
    )

    assert response.status_code == 400
    assert not Session.objects.exists()


def test_the_team_coordinator_adds_an_activity(
    client, world: World, helper: Person
) -> None:
    client.force_login(world.users["team_coordinator"])

    response = client.post(
        reverse("activities:activity_create", kwargs={"room": world.room.slug}),
        {
            "name": "Formulierenbrigade",
            "kind": "forms_brigade",
            "schedule": "donderdag 9:30-12:00",
            "leader": helper.pk,
            "active_from": "2026-09-01",
        },
    )

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert (activity.room, activity.leader, activity.usual_hours) == (
        world.room,
        helper,
        Decimal("2.50"),
    )


def test_the_activity_page_takes_the_same_queries_for_few_and_many_sessions(
    client, world: World, activity: Activity, helper: Person
) -> None:
    client.force_login(world.users["team_coordinator"])
    url = reverse("activities:activity", kwargs={"activity": activity.uuid})
    SessionVolunteerFactory(session=SessionFactory(activity=activity), person=helper)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(10):
        SessionVolunteerFactory(
            session=SessionFactory(activity=activity), person=helper
        )

    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(many) == len(few)
    assert len(response.context["page"].object_list) == 11


def test_a_volunteer_sees_the_counts_but_not_who_helped(
    client, world: World, activity: Activity, helper: Person
) -> None:
    SessionVolunteerFactory(session=SessionFactory(activity=activity), person=helper)
    client.force_login(world.users["volunteer"])

    response = client.get(
        reverse("activities:activity", kwargs={"activity": activity.uuid})
    )

    assert str(helper) not in response.content.decode()
    assert response.context["page"].object_list[0].hours == Decimal("2.00")


def test_the_volunteer_who_recorded_a_session_may_correct_it_and_others_not(
    world: World, activity: Activity
) -> None:
    own = SessionFactory(activity=activity, recorded_by=world.users["volunteer"])
    someone_elses = SessionFactory(activity=activity)
    volunteer = world.users["volunteer"]

    assert volunteer.has_perm("activities.change_session", own)
    assert not volunteer.has_perm("activities.change_session", someone_elses)
    assert world.users["team_coordinator"].has_perm(
        "activities.change_session", someone_elses
    )


def test_the_coordinator_corrects_the_visitors_of_a_session(
    client, world: World, activity: Activity, helper: Person
) -> None:
    session = SessionFactory(activity=activity, held_on=datetime.date(2026, 3, 3))
    SessionVolunteerFactory(session=session, person=helper)
    client.force_login(world.users["team_coordinator"])
    url = reverse("activities:session_correct", kwargs={"session": session.uuid})
    form = client.get(url).context["form"]
    assert form[f"present_{helper.pk}"].value() is True

    response = client.post(
        url,
        {
            "held_on": "2026-03-03",
            "visitors": "21",
            f"present_{helper.pk}": "on",
            f"hours_{helper.pk}": "2.00",
        },
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.visitors == 21
    assert session.volunteers.get().hours == Decimal("2.00")


def test_a_rooms_weeks_download_as_csv_with_their_figures(
    client, world: World, activity: Activity, helper: Person
) -> None:
    session = SessionFactory(
        activity=activity, held_on=datetime.date(2026, 1, 6), visitors=10
    )
    SessionVolunteerFactory(session=session, person=helper, hours=Decimal("2.50"))
    client.force_login(world.users["team_coordinator"])

    response = client.get(
        reverse("activities:room_figures", kwargs={"room": world.room.slug}),
        {"jaar": "2026", "format": "csv"},
    )

    lines = response.content.decode("utf-8-sig").splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[2].split(";")[2:] == ["1", "10", "2,50", "1"]


def test_the_overview_downloads_every_room(
    client, world: World, activity: Activity
) -> None:
    SessionFactory(activity=activity, held_on=datetime.date(2026, 1, 6), visitors=10)
    client.force_login(world.users["board"])

    response = client.get(
        reverse("activities:overview"), {"jaar": "2026", "format": "csv"}
    )

    rows = response.content.decode("utf-8-sig").splitlines()[1:]
    assert [row.split(";")[:3] for row in rows] == [["Kamer Thuis", "1", "10"]]
