"""Activities and sessions through the API: the pages' rules, the service's
refusals, and names only for those who may see them."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.activities.models import Activity, Session
from buurtwerkkamer.people.models import Person

from ..activities.factories import (
    ActivityFactory,
    SessionFactory,
    SessionVolunteerFactory,
)
from ..factories import PersonFactory
from ..personas import World
from .conftest import ApiFor

ACTIVITIES = reverse("api:activity-list")
SESSIONS = reverse("api:session-list")


@pytest.fixture
def activity(world: World) -> Activity:
    return ActivityFactory(room=world.room)


@pytest.fixture
def helper(world: World) -> Person:
    return PersonFactory(rooms=[world.room])


def session_data(activity: Activity, **changes: object) -> dict:
    data: dict = {
        "activity": str(activity.uuid),
        "held_on": timezone.localdate().isoformat(),
        "visitors": 9,
    }
    data.update(changes)
    return data


def test_a_volunteer_records_a_session_with_hours(
    api_for: ApiFor, activity: Activity, helper: Person
) -> None:
    response = api_for("volunteer").post(
        SESSIONS,
        session_data(
            activity, volunteers=[{"person": str(helper.uuid), "hours": "1.75"}]
        ),
        format="json",
    )

    assert response.status_code == 201, response.json()
    session = Session.objects.get()
    assert response.json()["uuid"] == str(session.uuid)
    assert response.json()["volunteer_hours"] == "1.75"
    assert [(p.person, p.hours) for p in session.volunteers.all()] == [
        (helper, Decimal("1.75"))
    ]


def test_a_session_in_the_future_is_refused_and_nothing_stored(
    api_for: ApiFor, activity: Activity
) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = api_for("volunteer").post(
        SESSIONS, session_data(activity, held_on=tomorrow.isoformat()), format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["held_on"]
    assert not Session.objects.exists()


def test_a_volunteer_of_another_room_is_refused(
    api_for: ApiFor, world: World, activity: Activity
) -> None:
    stranger = PersonFactory(rooms=[world.other_room])

    response = api_for("volunteer").post(
        SESSIONS,
        session_data(
            activity, volunteers=[{"person": str(stranger.uuid), "hours": "2"}]
        ),
        format="json",
    )

    assert response.status_code == 400
    assert not Session.objects.exists()


@pytest.mark.parametrize("role", ["treasurer", "project_coach", "board"])
def test_those_who_do_not_record_get_403(
    api_for: ApiFor, activity: Activity, role: str
) -> None:
    response = api_for(role).post(SESSIONS, session_data(activity), format="json")

    assert response.status_code == 403
    assert not Session.objects.exists()


def test_an_activity_of_another_room_is_not_found_for_the_volunteer(
    api_for: ApiFor, world: World
) -> None:
    elsewhere = ActivityFactory(room=world.other_room)

    response = api_for("volunteer").get(
        reverse("api:activity-detail", kwargs={"uuid": elsewhere.uuid})
    )

    assert response.status_code == 404


def test_a_partner_lists_no_activities(api_for: ApiFor, activity: Activity) -> None:
    assert api_for("partner").get(ACTIVITIES).json()["count"] == 0


def test_the_volunteer_sees_counts_and_the_coordinator_sees_names(
    api_for: ApiFor, activity: Activity, helper: Person
) -> None:
    SessionVolunteerFactory(session=SessionFactory(activity=activity), person=helper)

    seen_by_volunteer = api_for("volunteer").get(SESSIONS).json()["results"][0]
    seen_by_coordinator = api_for("team_coordinator").get(SESSIONS).json()["results"][0]

    assert seen_by_volunteer["volunteer_count"] == 1
    assert "volunteers" not in seen_by_volunteer
    assert seen_by_coordinator["volunteers"] == [
        {"person": str(helper.uuid), "hours": "2.00"}
    ]


def test_sessions_filter_by_activity(
    api_for: ApiFor, world: World, activity: Activity
) -> None:
    SessionFactory(activity=activity)
    SessionFactory(activity=ActivityFactory(room=world.room))

    response = api_for("board").get(SESSIONS, {"activity": str(activity.uuid)})

    assert [row["activity"] for row in response.json()["results"]] == [
        str(activity.uuid)
    ]
