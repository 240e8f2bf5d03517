import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup import services
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.models import Location, StageChange
from buurtwerkkamer.startup.queries import with_next_gate_ready
from tests.factories import (
    AgreementFactory,
    ChecklistItemFactory,
    FundingApplicationFactory,
    LocationFactory,
    TalkFactory,
)
from tests.personas import World


@pytest.fixture
def new_room(world: World):
    world.room.stage = Stage.EXPLORING
    world.room.save()
    return world.room


def test_a_room_without_a_signed_letter_of_intent_cannot_pass_the_first_gate(
    world: World, new_room
) -> None:
    AgreementFactory(room=new_room, status=AgreementStatus.NEGOTIATING)
    with pytest.raises(ValidationError) as refused:
        services.advance(new_room, world.users["project_coach"])
    assert len(refused.value.messages) == 2  # the heading and the one thing missing
    new_room.refresh_from_db()
    assert new_room.stage == Stage.EXPLORING
    assert not StageChange.objects.exists()


def test_each_gate_opens_with_its_evidence(world: World, new_room) -> None:
    coach = world.users["project_coach"]
    AgreementFactory(room=new_room, status=AgreementStatus.SIGNED)
    LocationFactory(room=new_room, chosen=True)
    FundingApplicationFactory(room=new_room, granted=True)
    AgreementFactory(
        room=new_room, kind=AgreementKind.COOPERATION, status=AgreementStatus.SIGNED
    )
    ChecklistItemFactory(room=new_room, done_on=datetime.date(2026, 11, 1))
    stages = [services.advance(new_room, coach).to_stage for _step in range(5)]
    assert stages == [
        Stage.INTENT_SIGNED,
        Stage.LOCATION_FOUND,
        Stage.FUNDED,
        Stage.AGREEMENTS_SIGNED,
        Stage.OPERATIONAL,
    ]
    assert not StageChange.objects.exclude(override_reason="").exists()


def test_an_unsigned_cooperation_agreement_holds_the_gate(world: World) -> None:
    world.room.stage = Stage.FUNDED
    world.room.save()
    AgreementFactory(
        room=world.room, kind=AgreementKind.COOPERATION, title="Met gemeente"
    )
    missing = services.missing_evidence(world.room, Stage.AGREEMENTS_SIGNED)
    assert len(missing) == 1
    assert "Met gemeente" in missing[0]


def test_an_open_checklist_item_holds_the_last_gate(world: World) -> None:
    ChecklistItemFactory(room=world.room)
    assert services.missing_evidence(world.room, Stage.OPERATIONAL)


def test_the_board_passes_a_gate_without_evidence_with_a_recorded_reason(
    world: World, new_room
) -> None:
    change = services.advance(
        new_room, world.users["board"], reason="Mondeling toegezegd"
    )
    assert change.to_stage == Stage.INTENT_SIGNED
    assert change.override_reason == "Mondeling toegezegd"
    assert change.missing


def test_a_coach_cannot_pass_a_gate_without_evidence_even_with_a_reason(
    world: World, new_room
) -> None:
    with pytest.raises(PermissionDenied):
        services.advance(new_room, world.users["project_coach"], reason="Haast")
    new_room.refresh_from_db()
    assert new_room.stage == Stage.EXPLORING


def test_an_operational_room_has_no_next_gate(world: World) -> None:
    with pytest.raises(ValidationError):
        services.advance(world.room, world.users["board"], reason="x")


def test_the_advance_page_shows_what_is_missing(client, world: World, new_room) -> None:
    client.force_login(world.users["project_coach"])
    response = client.post(reverse("startup:advance", kwargs={"room": new_room.slug}))
    assert response.status_code == 400
    assert response.context["advance_form"].non_field_errors()


def test_choosing_a_location_unchooses_the_previous_one(world: World) -> None:
    first = LocationFactory(room=world.room, chosen=True)
    second = LocationFactory(room=world.room)
    services.choose_location(second)
    first.refresh_from_db()
    assert first.status == LocationStatus.VISITED
    assert Location.objects.filter(status=LocationStatus.CHOSEN).get() == second


def test_a_negative_rent_is_refused_and_nothing_saved(client, world: World) -> None:
    client.force_login(world.users["project_coach"])
    response = client.post(
        reverse("startup:location_create", kwargs={"room": world.room.slug}),
        {
            "street": "Kanaalweg",
            "house_number": "1",
            "postcode": "3526 KL",
            "city": "Utrecht",
            "monthly_rent": "-100",
            "status": "candidate",
        },
    )
    assert response.status_code == 400
    assert "monthly_rent" in response.context["form"].errors
    assert not Location.objects.exists()


def test_a_follow_up_before_the_talk_is_refused(client, world: World) -> None:
    client.force_login(world.users["project_coach"])
    response = client.post(
        reverse("startup:talk_create", kwargs={"room": world.room.slug}),
        {
            "organisation": world.partner_organisation.pk,
            "held_on": "2026-11-10",
            "summary": "Kennismaking",
            "follow_up_on": "2026-11-01",
        },
    )
    assert response.status_code == 400
    assert "follow_up_on" in response.context["form"].errors


def test_the_checklist_starts_once_with_the_standard_steps(world: World) -> None:
    first = services.start_checklist(world.room)
    again = services.start_checklist(world.room)
    assert len(first) == len(again) == 7


@pytest.mark.parametrize("with_evidence", [False, True])
@pytest.mark.parametrize(
    "stage",
    [
        Stage.EXPLORING,
        Stage.INTENT_SIGNED,
        Stage.LOCATION_FOUND,
        Stage.FUNDED,
        Stage.AGREEMENTS_SIGNED,
    ],
)
def test_the_dashboard_query_agrees_with_the_gate_rules(
    world: World, stage: Stage, with_evidence: bool
) -> None:
    room = world.room
    room.stage = stage
    room.save()
    AgreementFactory(room=room, kind=AgreementKind.COOPERATION)  # unsigned
    ChecklistItemFactory(room=room)  # open
    if with_evidence:
        AgreementFactory(room=room, status=AgreementStatus.SIGNED)
        LocationFactory(room=room, chosen=True)
        FundingApplicationFactory(room=room, granted=True)
        room.agreements.filter(kind=AgreementKind.COOPERATION).update(
            status=AgreementStatus.SIGNED
        )
        room.checklist.update(done_on=datetime.date(2026, 11, 1))
    ready = with_next_gate_ready(Room.objects.filter(pk=room.pk)).get().next_gate_ready
    assert ready is with_evidence
    assert ready == (not services.missing_evidence(room, room.next_stage))


def test_a_room_adds_its_own_step_after_the_standard_ones(client, world: World) -> None:
    services.start_checklist(world.room)
    client.force_login(world.users["project_coach"])
    response = client.post(
        reverse("startup:checklist_add", kwargs={"room": world.room.slug}),
        {"title": "Buurtfeest organiseren", "due_on": "2027-02-01"},
    )
    assert response.status_code == 302
    last = world.room.checklist.order_by("position").last()
    assert (last.title, last.position) == ("Buurtfeest organiseren", 8)


def test_a_rejected_location_is_recorded_through_its_page(client, world: World) -> None:
    location = LocationFactory(room=world.room)
    client.force_login(world.users["project_coach"])
    response = client.post(
        reverse("startup:location_edit", kwargs={"location": location.uuid}),
        {
            "street": location.street,
            "house_number": "1",
            "postcode": "3564 AA",
            "city": "Utrecht",
            "status": "rejected",
            "notes": "Te duur",
        },
    )
    assert response.status_code == 302
    location.refresh_from_db()
    assert (location.status, location.notes) == (LocationStatus.REJECTED, "Te duur")


def test_a_talk_with_its_follow_up_before_it_is_invalid_in_the_model(
    world: World,
) -> None:
    talk = TalkFactory.build(
        room=world.room,
        organisation=world.partner_organisation,
        held_on=datetime.date(2026, 11, 10),
        follow_up_on=datetime.date(2026, 11, 1),
    )
    with pytest.raises(ValidationError) as refused:
        talk.full_clean()
    assert "follow_up_on" in refused.value.message_dict


def test_a_location_without_street_or_postcode_is_invalid_in_the_model(
    world: World,
) -> None:
    location = LocationFactory.build(room=world.room, street="", postcode="")
    with pytest.raises(ValidationError) as refused:
        location.full_clean()
    assert {"street", "postcode"} <= set(refused.value.message_dict)
