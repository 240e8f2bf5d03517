"""The teamwork API: house rules for everyone in the room, breaches as case
files with logged reads, the rules of the services as 400 answers."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.teamwork.models import HouseRules, WorkAgreement

from ..factories import PersonFactory
from ..personas import ROLES, World
from ..teamwork.factories import (
    BreachFactory,
    HouseRulesFactory,
    PartnerContactFactory,
    WorkAgreementFactory,
    YearlyGoalFactory,
)
from .conftest import ApiFor

CASE_READERS = {"board", "project_coach", "team_coordinator"}
RULES_READERS = CASE_READERS | {"treasurer", "volunteer"}
DAY = datetime.timedelta(days=1)


def listed(api_for: ApiFor, role: str, basename: str) -> set[str]:
    response = api_for(role).get(reverse(f"api:{basename}-list"))
    assert response.status_code == 200
    return {row["uuid"] for row in response.json()["results"]}


@pytest.mark.parametrize("role", ROLES)
def test_breaches_are_listed_for_case_file_readers_only(
    role: str, world: World, api_for: ApiFor
) -> None:
    breach = BreachFactory(room=world.room)

    uuids = listed(api_for, role, "breach")

    assert (str(breach.uuid) in uuids) is (role in CASE_READERS)


@pytest.mark.parametrize("role", ROLES)
def test_house_rules_are_listed_for_the_room_and_the_cooperative(
    role: str, world: World, api_for: ApiFor
) -> None:
    rules = HouseRulesFactory(room=world.room)

    uuids = listed(api_for, role, "houserules")

    assert (str(rules.uuid) in uuids) is (role in RULES_READERS)


def test_reading_a_breach_through_the_api_is_logged(
    world: World, api_for: ApiFor
) -> None:
    breach = BreachFactory(room=world.room)
    url = reverse("api:breach-detail", kwargs={"uuid": breach.uuid})

    response = api_for("project_coach").get(url)

    assert response.json()["person"] == str(breach.person.uuid)
    reads = LogEntry.objects.get_for_object(breach).filter(
        action=LogEntry.Action.ACCESS
    )
    assert list(reads.values_list("actor_id", flat=True)) == [
        world.users["project_coach"].pk
    ]


def test_a_new_version_of_the_house_rules_is_numbered_and_signed(
    world: World, api_for: ApiFor
) -> None:
    HouseRulesFactory(room=world.room, number=1)
    effective = timezone.localdate() + DAY

    response = api_for("team_coordinator").post(
        reverse("api:houserules-list"),
        {"room": "thuis", "text": "Nieuw", "effective_from": effective.isoformat()},
    )

    assert response.status_code == 201
    created = HouseRules.objects.get(uuid=response.json()["uuid"])
    assert (created.number, created.written_by) == (
        2,
        world.users["team_coordinator"],
    )


def test_a_version_in_effect_is_refused_as_a_400(world: World, api_for: ApiFor) -> None:
    rules = HouseRulesFactory(room=world.room, effective_from=timezone.localdate())
    url = reverse("api:houserules-detail", kwargs={"uuid": rules.uuid})

    response = api_for("team_coordinator").patch(url, {"text": "Anders"})

    assert response.status_code == 400
    rules.refresh_from_db()
    assert rules.text != "Anders"


def test_an_agreement_with_a_follow_up_before_it_is_refused(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room])
    today = timezone.localdate()

    response = api_for("team_coordinator").post(
        reverse("api:workagreement-list"),
        {
            "room": "thuis",
            "person": str(person.uuid),
            "kind": "agreement",
            "agreed_on": today.isoformat(),
            "subject": "Balie",
            "agreed": "Dinsdag",
            "follow_up_on": (today - DAY).isoformat(),
        },
    )

    assert response.status_code == 400
    assert "follow_up_on" in response.json()
    assert not WorkAgreement.objects.exists()


def test_a_follow_up_is_recorded_through_the_api(world: World, api_for: ApiFor) -> None:
    today = timezone.localdate()
    agreement = WorkAgreementFactory(
        room=world.room, agreed_on=today - DAY, follow_up_on=today
    )
    url = reverse("api:workagreement-followed-up", kwargs={"uuid": agreement.uuid})

    response = api_for("team_coordinator").post(url, {"done_on": today.isoformat()})

    assert response.json()["followed_up_on"] == today.isoformat()


def test_progress_is_noted_on_a_goal_through_the_api(
    world: World, api_for: ApiFor
) -> None:
    today = timezone.localdate()
    goal = YearlyGoalFactory(room=world.room, year=today.year)
    url = reverse("api:yearlygoal-add-note", kwargs={"uuid": goal.uuid})

    response = api_for("project_coach").post(
        url, {"written_on": today.isoformat(), "note": "Op schema"}
    )

    assert response.status_code == 201
    assert [note["note"] for note in response.json()["notes"]] == ["Op schema"]


def test_partners_do_not_see_the_contact_log(world: World, api_for: ApiFor) -> None:
    PartnerContactFactory(room=world.room, organisation=world.partner_organisation)

    assert listed(api_for, "partner", "partnercontact") == set()
    assert len(listed(api_for, "team_coordinator", "partnercontact")) == 1
