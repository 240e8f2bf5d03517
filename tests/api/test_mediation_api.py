"""The mediation API: case files for the room's coordinator and coach and the
board only, reads logged, and the services' refusals as 400 answers."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.mediation.constants import Outcome
from buurtwerkkamer.mediation.models import Exclusion, MediationCase

from ..factories import PersonFactory
from ..mediation.factories import ExclusionFactory, MediationCaseFactory
from ..personas import ROLES, World
from .conftest import ApiFor

CASE_READERS = {"board", "project_coach", "team_coordinator"}
DAY = datetime.timedelta(days=1)


def listed(api_for: ApiFor, role: str, basename: str) -> set[str]:
    response = api_for(role).get(reverse(f"api:{basename}-list"))
    assert response.status_code == 200
    return {row["uuid"] for row in response.json()["results"]}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("basename", ["mediationcase", "exclusion"])
def test_case_files_are_listed_for_their_readers_only(
    role: str, basename: str, world: World, api_for: ApiFor
) -> None:
    record = (
        MediationCaseFactory(room=world.room)
        if basename == "mediationcase"
        else ExclusionFactory(room=world.room)
    )

    uuids = listed(api_for, role, basename)

    assert (str(record.uuid) in uuids) is (role in CASE_READERS)


def test_reading_an_exclusion_through_the_api_is_logged(
    world: World, api_for: ApiFor
) -> None:
    exclusion = ExclusionFactory(room=world.room)

    api_for("board").get(
        reverse("api:exclusion-detail", kwargs={"uuid": exclusion.uuid})
    )

    reads = LogEntry.objects.get_for_object(exclusion).filter(
        action=LogEntry.Action.ACCESS
    )
    assert list(reads.values_list("actor_id", flat=True)) == [world.users["board"].pk]


def test_a_case_is_opened_sessioned_and_closed_through_the_api(
    world: World, api_for: ApiFor
) -> None:
    today = timezone.localdate()
    parties = [PersonFactory(rooms=[world.room]) for _ in range(2)]
    client = api_for("team_coordinator")

    created = client.post(
        reverse("api:mediationcase-list"),
        {
            "room": "thuis",
            "title": "Geluid",
            "parties": [str(person.uuid) for person in parties],
            "opened_on": today.isoformat(),
            "what_happened": "Muziek",
        },
    ).json()
    uuid = created["uuid"]
    client.post(
        reverse("api:mediationcase-add-session", kwargs={"uuid": uuid}),
        {"held_on": today.isoformat(), "agreed": "Zachter"},
    )
    closed = client.post(
        reverse("api:mediationcase-close", kwargs={"uuid": uuid}),
        {"outcome": Outcome.AGREEMENT, "closed_on": today.isoformat()},
    )

    case = MediationCase.objects.get(uuid=uuid)
    assert closed.status_code == 200
    assert (case.outcome, case.sessions.count(), case.opened_by) == (
        Outcome.AGREEMENT,
        1,
        world.users["team_coordinator"],
    )


def test_an_exclusion_that_ends_before_it_starts_is_a_400(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room])
    today = timezone.localdate()

    response = api_for("team_coordinator").post(
        reverse("api:exclusion-list"),
        {
            "room": "thuis",
            "person": str(person.uuid),
            "starts_on": today.isoformat(),
            "ends_on": (today - DAY).isoformat(),
            "reason": "Geweld",
        },
    )

    assert response.status_code == 400
    assert "ends_on" in response.json()
    assert not Exclusion.objects.exists()


def test_a_volunteer_cannot_decide_an_exclusion(world: World, api_for: ApiFor) -> None:
    person = PersonFactory(rooms=[world.room])
    today = timezone.localdate()

    response = api_for("volunteer").post(
        reverse("api:exclusion-list"),
        {
            "room": "thuis",
            "person": str(person.uuid),
            "starts_on": today.isoformat(),
            "ends_on": today.isoformat(),
            "reason": "Geweld",
        },
    )

    assert response.status_code in (400, 403)
    assert not Exclusion.objects.exists()
