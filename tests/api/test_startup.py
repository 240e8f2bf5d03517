"""The start-up track through the API: locations, the checklist, and the gates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone, translation

from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.models import ChecklistItem, Location, StageChange, Talk
from buurtwerkkamer.startup.services import missing_evidence

from ..factories import (
    AgreementFactory,
    ChecklistItemFactory,
    LocationFactory,
    TalkFactory,
)
from ..personas import World
from .conftest import ApiFor


def advance_url(room: Room) -> str:
    return reverse("api:room-advance", kwargs={"slug": room.slug})


def stage_of(room: Room) -> str:
    return Room.objects.values_list("stage", flat=True).get(pk=room.pk)


def test_a_project_coach_creates_a_location_for_their_room(
    world: World, api_for: ApiFor
) -> None:
    payload = {
        "room": world.room.slug,
        "street": "Gambiadreef",
        "house_number": "12",
        "postcode": "3564aa",
        "city": "Utrecht",
        "monthly_rent": "750.00",
        "landlord": world.partner_organisation.slug,
    }

    response = api_for("project_coach").post(
        reverse("api:location-list"), payload, format="json"
    )

    location = Location.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert (location.room, location.postcode) == (world.room, "3564 AA")
    assert location.landlord == world.partner_organisation


def test_a_project_coach_cannot_name_a_room_outside_their_scope(
    world: World, api_for: ApiFor
) -> None:
    payload = {"room": world.other_room.slug, "street": "Elders"}

    response = api_for("project_coach").post(
        reverse("api:location-list"), payload, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["room"]
    assert not Location.objects.exists()


def test_a_location_is_chosen_only_through_its_action(
    world: World, api_for: ApiFor
) -> None:
    location = LocationFactory(room=world.room)
    url = reverse("api:location-detail", kwargs={"uuid": location.uuid})

    response = api_for("project_coach").patch(url, {"status": "chosen"}, format="json")

    location.refresh_from_db()
    assert response.status_code == 400
    assert location.status == LocationStatus.CANDIDATE


def test_choosing_a_location_sends_the_one_chosen_before_back_to_visited(
    world: World, api_for: ApiFor
) -> None:
    before = LocationFactory(room=world.room, chosen=True)
    after = LocationFactory(room=world.room)
    url = reverse("api:location-choose", kwargs={"uuid": after.uuid})

    response = api_for("project_coach").post(url)

    before.refresh_from_db()
    assert response.json()["status"] == LocationStatus.CHOSEN
    assert before.status == LocationStatus.VISITED


def test_a_team_coordinator_ticks_off_a_checklist_step(
    world: World, api_for: ApiFor
) -> None:
    item = ChecklistItemFactory(room=world.room)
    url = reverse("api:checklistitem-tick", kwargs={"uuid": item.uuid})

    response = api_for("team_coordinator").post(url, {"done": True}, format="json")

    body = response.json()
    assert body["done_on"] == timezone.localdate().isoformat()
    assert body["done_by"] == world.users["team_coordinator"].name


def test_a_volunteer_gets_403_on_ticking_off_a_checklist_step(
    world: World, api_for: ApiFor
) -> None:
    item = ChecklistItemFactory(room=world.room)
    url = reverse("api:checklistitem-tick", kwargs={"uuid": item.uuid})

    response = api_for("volunteer").post(url, {"done": True}, format="json")

    item.refresh_from_db()
    assert response.status_code == 403
    assert item.done_on is None


def test_advancing_without_evidence_is_refused_for_a_coach(
    exploring_room: Room, api_for: ApiFor
) -> None:
    response = api_for("project_coach").post(advance_url(exploring_room))

    with translation.override("nl"):
        missing = missing_evidence(exploring_room, Stage.INTENT_SIGNED)
    assert response.status_code == 400
    assert response.json()["non_field_errors"][1:] == missing
    assert stage_of(exploring_room) == Stage.EXPLORING


def test_a_coach_cannot_pass_a_gate_without_evidence_even_with_a_reason(
    exploring_room: Room, api_for: ApiFor
) -> None:
    response = api_for("project_coach").post(
        advance_url(exploring_room), {"reason": "Haast"}, format="json"
    )

    assert response.status_code == 403
    assert stage_of(exploring_room) == Stage.EXPLORING


def test_the_board_passes_a_gate_without_evidence_with_a_reason(
    world: World, exploring_room: Room, api_for: ApiFor
) -> None:
    reason = "De gemeente tekent volgende week; we beginnen alvast."

    response = api_for("board").post(
        advance_url(exploring_room), {"reason": reason}, format="json"
    )

    change = StageChange.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert (change.to_stage, change.override_reason) == (Stage.INTENT_SIGNED, reason)
    assert change.changed_by == world.users["board"]
    assert stage_of(exploring_room) == Stage.INTENT_SIGNED


def test_a_coach_advances_a_room_with_its_evidence(
    exploring_room: Room, api_for: ApiFor
) -> None:
    AgreementFactory(
        room=exploring_room,
        kind=AgreementKind.LETTER_OF_INTENT,
        status=AgreementStatus.SIGNED,
    )

    response = api_for("project_coach").post(advance_url(exploring_room))

    assert response.status_code == 201
    assert response.json()["missing"] == ""
    assert stage_of(exploring_room) == Stage.INTENT_SIGNED


def test_a_volunteer_gets_403_on_advancing_their_room(
    exploring_room: Room, api_for: ApiFor
) -> None:
    response = api_for("volunteer").post(advance_url(exploring_room))

    assert response.status_code == 403
    assert stage_of(exploring_room) == Stage.EXPLORING


def test_an_outsider_gets_404_on_advancing_another_room(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("project_coach").post(advance_url(world.other_room))

    assert response.status_code == 404
    assert stage_of(world.other_room) == Stage.OPERATIONAL


def test_the_stage_changes_list_shows_the_gates_a_room_passed(
    world: World, exploring_room: Room, api_for: ApiFor
) -> None:
    api_for("board").post(advance_url(exploring_room), {"reason": "Nu"}, format="json")

    response = api_for("team_coordinator").get(
        reverse("api:stagechange-list"), {"room": exploring_room.slug}
    )

    rows = response.json()["results"]
    assert [(row["from_stage"], row["to_stage"]) for row in rows] == [
        (Stage.EXPLORING, Stage.INTENT_SIGNED)
    ]


TRACK_RECORDS = {
    "talk": lambda room: TalkFactory(room=room),
    "location": lambda room: LocationFactory(room=room),
    "checklistitem": lambda room: ChecklistItemFactory(room=room),
}


@pytest.mark.parametrize("basename", TRACK_RECORDS)
@pytest.mark.parametrize("role", ["volunteer", "partner", "audit_committee"])
def test_who_may_not_follow_the_track_lists_nothing_and_gets_403(
    basename: str, role: str, world: World, api_for: ApiFor
) -> None:
    record = TRACK_RECORDS[basename](world.room)
    client = api_for(role)

    listed = client.get(reverse(f"api:{basename}-list")).json()["count"]
    detail = client.get(reverse(f"api:{basename}-detail", kwargs={"uuid": record.uuid}))

    assert (listed, detail.status_code) == (0, 403)


@pytest.mark.parametrize("basename", TRACK_RECORDS)
@pytest.mark.parametrize("role", ["board", "treasurer", "team_coordinator"])
def test_the_cooperative_and_room_staff_follow_the_track(
    basename: str, role: str, world: World, api_for: ApiFor
) -> None:
    record = TRACK_RECORDS[basename](world.room)

    response = api_for(role).get(reverse(f"api:{basename}-list"))

    assert [row["uuid"] for row in response.json()["results"]] == [str(record.uuid)]


def test_a_new_checklist_step_goes_after_the_others(
    world: World, api_for: ApiFor
) -> None:
    for position in (1, 2, 5):
        ChecklistItemFactory(room=world.room, position=position)
    payload = {"room": world.room.slug, "title": "Sleutels ophalen", "position": 1}

    response = api_for("project_coach").post(
        reverse("api:checklistitem-list"), payload, format="json"
    )

    item = ChecklistItem.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert (item.position, response.json()["position"]) == (6, 6)
    assert item.title == "Sleutels ophalen"


def model_refusal(record: Model) -> dict:
    """What the model's `full_clean` says of the record, in Dutch."""
    with translation.override("nl"):
        try:
            record.full_clean()
        except ValidationError as error:
            return error.message_dict
    raise AssertionError("the record passed its own rules")


def test_a_talk_with_its_follow_up_before_it_is_refused(
    world: World, api_for: ApiFor
) -> None:
    payload = {
        "room": world.room.slug,
        "organisation": world.partner_organisation.slug,
        "held_on": "2026-11-10",
        "summary": "Kennismaking",
        "follow_up_on": "2026-11-01",
    }
    unsaved = Talk(
        room=world.room,
        organisation=world.partner_organisation,
        held_on=datetime.date(2026, 11, 10),
        summary="Kennismaking",
        follow_up_on=datetime.date(2026, 11, 1),
    )

    response = api_for("project_coach").post(
        reverse("api:talk-list"), payload, format="json"
    )

    assert response.status_code == 400
    assert response.json() == model_refusal(unsaved)
    assert not Talk.objects.exists()


def test_moving_a_talk_after_its_follow_up_is_refused(
    world: World, api_for: ApiFor
) -> None:
    talk = TalkFactory(
        room=world.room,
        held_on=datetime.date(2026, 11, 1),
        follow_up_on=datetime.date(2026, 11, 15),
    )
    url = reverse("api:talk-detail", kwargs={"uuid": talk.uuid})

    response = api_for("board").patch(url, {"held_on": "2026-11-20"}, format="json")

    talk.refresh_from_db()
    assert response.status_code == 400
    assert list(response.json()) == ["follow_up_on"]
    assert talk.held_on == datetime.date(2026, 11, 1)


def test_a_location_without_street_and_postcode_is_refused(
    world: World, api_for: ApiFor
) -> None:
    payload = {"room": world.room.slug, "city": "Utrecht", "monthly_rent": "600.00"}

    response = api_for("project_coach").post(
        reverse("api:location-list"), payload, format="json"
    )

    assert response.status_code == 400
    assert response.json() == model_refusal(Location(room=world.room, city="Utrecht"))
    assert sorted(response.json()) == ["postcode", "street"]
    assert not Location.objects.exists()
