"""A new room taken through the start-up gates in the browser: the board opens it, its
project coach gathers the evidence gate by gate, and a gate without its evidence is
refused unless the board passes it with a reason."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.brokering.constants import (
    AgreementKind,
    AgreementStatus,
    FundingStatus,
)
from buurtwerkkamer.brokering.models import Agreement, FundingApplication
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.constants import START_UP_ORDER, Stage
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup.constants import DEFAULT_CHECKLIST, LocationStatus
from buurtwerkkamer.startup.models import Location
from buurtwerkkamer.startup.services import missing_evidence
from tests.factories import GrantFactory, OrganisationFactory, RoomFactory
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def track_url(room: Room) -> str:
    return reverse("startup:track", kwargs={"room": room.slug})


def today() -> str:
    return timezone.localdate().isoformat()


def coach_of(world: World, room: Room, visitor: MakeVisitor) -> tuple[User, Visitor]:
    user = world.users["project_coach"]
    GrantFactory(user=user, role=Role.PROJECT_COACH, room=room)
    person = visitor()
    person.sign_in(user)
    return user, person


def create_room_as_board(board: Visitor) -> Room:
    board.open(reverse("rooms:list"))
    board.follow(reverse("rooms:create"))
    fields = {
        "name": "Kamer Morgen",
        "slug": "morgen",
        "neighbourhood": "Kanaleneiland",
        "municipality": "Utrecht",
        "street": "Marshallaan",
        "house_number": "12",
        "postcode": "3527 TX",
        "city": "Utrecht",
    }
    for name, value in fields.items():
        board.main(f"[name={name}]").fill(value)
    board.submit()

    room = Room.objects.get(slug="morgen")
    assert board.page.url == board.base_url + room.get_absolute_url()
    assert board.main(".bwk-badge").first.inner_text() == dutch(Stage.EXPLORING.label)
    return room


def record_talk(coach: Visitor, room: Room, organisation: Organisation) -> None:
    coach.follow(reverse("startup:talk_create", kwargs={"room": room.slug}))
    coach.main("[name=organisation]").select_option(label=organisation.name)
    coach.main("[name=held_on]").fill(today())
    coach.main("[name=summary]").fill("Wethouder wil een kamer in Kanaleneiland.")
    coach.submit()

    talk = room.talks.get()
    assert talk.organisation == organisation
    assert coach.page.url == coach.base_url + track_url(room)
    assert talk.summary in coach.main("section[aria-labelledby=h-talks]").inner_text()


def sign_agreement(
    coach: Visitor, room: Room, kind: AgreementKind, partner: Organisation
) -> Agreement:
    """Create an agreement with one party, record its signature, back to the track."""
    coach.follow(reverse("brokering:agreement_create", kwargs={"room": room.slug}))
    coach.main("[name=kind]").select_option(value=kind.value)
    coach.main("[name=title]").fill(f"{kind.label} {room.name}")
    coach.main(f"[name=parties][value='{partner.pk}']").check()
    coach.submit()

    agreement = Agreement.objects.get(room=room, kind=kind)
    assert coach.page.url == coach.base_url + agreement.get_absolute_url()
    party = agreement.parties.get()
    coach.follow(reverse("brokering:sign", kwargs={"party": party.uuid}))
    coach.main("[name=signed_on]").fill(today())
    coach.main("[name=signed_by]").fill("Anouk de Wit")
    coach.submit()

    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    status = coach.main(".bwk-facts .bwk-badge").inner_text()
    assert status == dutch(AgreementStatus.SIGNED.label)
    coach.open(track_url(room))
    return agreement


def advance(person: Visitor, room: Room, expected: Stage) -> None:
    action = reverse("startup:advance", kwargs={"room": room.slug})
    person.submit(f'form[action="{action}"]')

    room.refresh_from_db()
    assert room.stage == expected
    current = person.main(".bwk-timeline li.bwk-current").inner_text()
    assert dutch(expected.label) in current


def add_location(coach: Visitor, room: Room, house_number: str) -> Location:
    coach.follow(reverse("startup:location_create", kwargs={"room": room.slug}))
    coach.main("[name=street]").fill("Churchilllaan")
    coach.main("[name=house_number]").fill(house_number)
    coach.main("[name=postcode]").fill("3527gv")
    coach.main("[name=city]").fill("Utrecht")
    coach.main("[name=monthly_rent]").fill("950.00")
    coach.submit()

    location = room.locations.get(house_number=house_number)
    assert location.postcode == "3527 GV"
    return location


def choose_location(coach: Visitor, location: Location) -> None:
    action = reverse("startup:location_choose", kwargs={"location": location.uuid})
    coach.submit(f'form[action="{action}"]')

    location.refresh_from_db()
    assert location.status == LocationStatus.CHOSEN


def apply_for_funding(coach: Visitor, room: Room, funder: Organisation) -> None:
    """Submit an application, then record the funder's decision to grant it."""
    coach.follow(reverse("brokering:funding_create", kwargs={"room": room.slug}))
    coach.main("[name=funder]").select_option(label=funder.name)
    coach.main("[name=title]").fill("Opstart Kamer Morgen")
    coach.main("[name=amount_requested]").fill("30000.00")
    coach.main("[name=period_start]").fill("2027-01-01")
    coach.main("[name=period_end]").fill("2027-12-31")
    coach.main("[name=status]").select_option(value=FundingStatus.SUBMITTED.value)
    coach.main("[name=submitted_on]").fill(today())
    coach.submit()

    application = FundingApplication.objects.get(room=room)
    assert application.status == FundingStatus.SUBMITTED
    coach.follow(
        reverse("brokering:funding_edit", kwargs={"application": application.uuid})
    )
    coach.main("[name=status]").select_option(value=FundingStatus.GRANTED.value)
    coach.main("[name=decided_on]").fill(today())
    coach.main("[name=amount_granted]").fill("27500.00")
    coach.submit()

    application.refresh_from_db()
    assert application.is_granted
    assert application.amount_granted == Decimal("27500.00")
    assert "EUR 27.500,00" in coach.main(".bwk-facts").inner_text()
    coach.open(track_url(room))


def finish_checklist(coach: Visitor, room: Room, user: User) -> None:
    start = reverse("startup:checklist_start", kwargs={"room": room.slug})
    coach.submit(f'form[action="{start}"]')
    items = list(room.checklist.all())
    assert [item.title for item in items] == [dutch(t) for t in DEFAULT_CHECKLIST]

    for item in items:
        tick = reverse("startup:checklist_tick", kwargs={"item": item.uuid})
        coach.submit(f'form[action="{tick}"]')

    done = set(room.checklist.values_list("done_on", "done_by"))
    assert done == {(date.fromisoformat(today()), user.pk)}


def test_a_new_room_passes_every_gate_with_its_evidence(
    visitor: MakeVisitor, world: World
) -> None:
    board = visitor()
    board.sign_in(world.users["board"])
    room = create_room_as_board(board)
    coach_user, coach = coach_of(world, room, visitor)
    fund = OrganisationFactory(fund=True, name="Fonds Buurtkracht")
    coach.open(room.get_absolute_url())
    coach.follow(track_url(room))

    record_talk(coach, room, world.partner_organisation)
    sign_agreement(
        coach, room, AgreementKind.LETTER_OF_INTENT, world.partner_organisation
    )
    advance(coach, room, Stage.INTENT_SIGNED)
    add_location(coach, room, "10")
    choose_location(coach, add_location(coach, room, "44"))
    advance(coach, room, Stage.LOCATION_FOUND)
    apply_for_funding(coach, room, fund)
    advance(coach, room, Stage.FUNDED)
    sign_agreement(coach, room, AgreementKind.COOPERATION, world.partner_organisation)
    advance(coach, room, Stage.AGREEMENTS_SIGNED)
    finish_checklist(coach, room, coach_user)
    advance(coach, room, Stage.OPERATIONAL)

    changes = list(
        room.stage_changes.values_list("to_stage", "changed_by", "override_reason")
    )
    assert changes == [(stage.value, coach_user.pk, "") for stage in START_UP_ORDER[1:]]
    chosen = room.locations.get(status=LocationStatus.CHOSEN)
    assert chosen.house_number == "44"


def test_the_coach_cannot_pass_a_gate_without_its_evidence(
    visitor: MakeVisitor, world: World
) -> None:
    room = RoomFactory(exploring=True, name="Kamer Straks", slug="straks")
    _user, coach = coach_of(world, room, visitor)
    coach.open(track_url(room))
    assert coach.main("[name=reason]").count() == 0

    action = reverse("startup:advance", kwargs={"room": room.slug})
    response = coach.submit(f'form[action="{action}"]')

    assert response.status == 400
    alert = coach.main("[role=alert]").inner_text()
    with translation.override("nl"):
        missing = missing_evidence(room, Stage.INTENT_SIGNED)
    assert missing
    assert dutch("The evidence for this step is missing:") in alert
    assert all(line in alert for line in missing)
    room.refresh_from_db()
    assert room.stage == Stage.EXPLORING
    assert not room.stage_changes.exists()


def test_the_board_passes_a_gate_without_evidence_only_with_a_reason(
    visitor: MakeVisitor, world: World
) -> None:
    room = RoomFactory(exploring=True, name="Kamer Straks", slug="straks")
    board = visitor()
    board.sign_in(world.users["board"])
    board.open(track_url(room))
    action = reverse("startup:advance", kwargs={"room": room.slug})
    refused = board.submit(f'form[action="{action}"]')
    assert refused.status == 400
    assert board.main("[role=alert]").count() == 1
    reason = "De gemeente tekent na de raadsvergadering; het bestuur neemt het risico."

    board.main("[name=reason]").fill(reason)
    board.submit(f'form[action="{action}"]')

    room.refresh_from_db()
    assert room.stage == Stage.INTENT_SIGNED
    change = room.stage_changes.get()
    assert (change.changed_by, change.override_reason) == (
        world.users["board"],
        reason,
    )
    assert reason in board.main(".bwk-timeline li.bwk-current").inner_text()
