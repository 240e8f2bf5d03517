"""Each role does its own part of the start-up track in the browser, and no more: the
partner signs for its own organisation, the treasurer records the funder's decision,
the team coordinator ticks the checklist; the volunteer and the audit committee are
kept off the track. The board's and the coach's parts are in test_startup_track."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.brokering.constants import (
    AgreementKind,
    AgreementStatus,
    FundingStatus,
)
from buurtwerkkamer.brokering.models import Agreement, AgreementParty
from buurtwerkkamer.partners.constants import OrganisationKind
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ChecklistItemFactory,
    FundingApplicationFactory,
    GrantFactory,
    OrganisationFactory,
    RoomFactory,
)
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def track_url(room: Room) -> str:
    return reverse("startup:track", kwargs={"room": room.slug})


def sign_url(party: AgreementParty) -> str:
    return reverse("brokering:sign", kwargs={"party": party.uuid})


def shown(day: date) -> str:
    """A date as the pages show it: 3 december 2026."""
    with translation.override("nl"):
        return dateformat.format(day, "j F Y")


def signed_in(visitor: MakeVisitor, world: World, role: str) -> Visitor:
    person = visitor()
    person.sign_in(world.users[role])
    return person


def cooperation_agreement(world: World) -> tuple[Agreement, AgreementParty]:
    """An agreement out of draft between the persona's municipality and a housing
    association; returns it with the housing association's party."""
    agreement = AgreementFactory(
        room=world.room,
        kind=AgreementKind.COOPERATION,
        title="Samenwerkingsafspraken Kamer Thuis",
        status=AgreementStatus.NEGOTIATING,
    )
    AgreementPartyFactory(agreement=agreement, organisation=world.partner_organisation)
    housing = OrganisationFactory(
        name="Woonstichting Thuis", kind=OrganisationKind.HOUSING_ASSOCIATION
    )
    other = AgreementPartyFactory(agreement=agreement, organisation=housing)
    return agreement, other


def signature_links(person: Visitor) -> list[str]:
    return person.main('a[href*="/partij/"][href$="/tekenen/"]').evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def test_the_partner_signs_last_for_its_own_organisation_and_the_agreement_is_signed(
    visitor: MakeVisitor, world: World
) -> None:
    agreement, other = cooperation_agreement(world)
    other.signed_on = date(2026, 11, 20)
    other.signed_by = "Ruud Verhoef"
    other.save()
    own = agreement.parties.get(organisation=world.partner_organisation)
    partner = signed_in(visitor, world, "partner")
    partner.open(reverse("core:dashboard"))
    waiting = partner.main("section[aria-labelledby=h-waiting]")
    expected = dutch(
        "Signature of %(organisation)s on “%(agreement)s”",
        organisation=world.partner_organisation.name,
        agreement=agreement.title,
    )
    assert waiting.locator("a").inner_text() == expected

    partner.press(waiting.locator(f'a[href="{agreement.get_absolute_url()}"]'))
    assert signature_links(partner) == [sign_url(own)]
    # Another party's signatory is a named person the partner does not get to see.
    assert other.signed_by not in partner.main("table").inner_text()
    partner.follow(sign_url(own))
    today = timezone.localdate()
    partner.main("[name=signed_on]").fill(today.isoformat())
    partner.main("[name=signed_by]").fill("Wethouder Jansen")
    partner.submit()

    own.refresh_from_db()
    assert (own.signed_on, own.signed_by) == (today, "Wethouder Jansen")
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert partner.page.url == partner.base_url + agreement.get_absolute_url()
    status = partner.main(".bwk-facts .bwk-badge").inner_text()
    assert status == dutch(AgreementStatus.SIGNED.label)
    assert shown(today) in partner.main("table").inner_text()
    assert signature_links(partner) == []


def test_the_partner_cannot_sign_for_another_party_nor_open_the_start_up_track(
    visitor: MakeVisitor, world: World
) -> None:
    agreement, other = cooperation_agreement(world)
    own = agreement.parties.get(organisation=world.partner_organisation)
    partner = signed_in(visitor, world, "partner")
    partner.open(agreement.get_absolute_url())
    assert signature_links(partner) == [sign_url(own)]

    refused = partner.open(sign_url(other))
    assert refused.status == 403
    assert partner.open(track_url(world.room)).status == 403

    other.refresh_from_db()
    assert other.signed_on is None


def test_the_treasurer_records_a_grant_shown_in_euros_the_dutch_way(
    visitor: MakeVisitor, world: World
) -> None:
    application = FundingApplicationFactory(
        room=world.room,
        submitted=True,
        title="Opstart Kamer Thuis",
        amount_requested=Decimal("30000.00"),
    )
    treasurer = signed_in(visitor, world, "treasurer")
    treasurer.open(world.room.get_absolute_url())
    treasurer.follow(reverse("brokering:room", kwargs={"room": world.room.slug}))
    treasurer.follow(application.get_absolute_url())
    edit = reverse("brokering:funding_edit", kwargs={"application": application.uuid})
    treasurer.follow(edit)

    today = timezone.localdate()
    treasurer.main("[name=status]").select_option(value=FundingStatus.GRANTED.value)
    treasurer.main("[name=decided_on]").fill(today.isoformat())
    treasurer.main("[name=amount_granted]").fill("25000.00")
    treasurer.submit()

    application.refresh_from_db()
    assert application.status == FundingStatus.GRANTED
    assert (application.decided_on, application.amount_granted) == (
        today,
        Decimal("25000.00"),
    )
    assert treasurer.page.url == treasurer.base_url + application.get_absolute_url()
    facts = treasurer.main(".bwk-facts").inner_text()
    assert "EUR 25.000,00" in facts
    assert "EUR 30.000,00" in facts
    assert shown(today) in facts


def test_the_treasurer_cannot_grant_more_than_was_requested(
    visitor: MakeVisitor, world: World
) -> None:
    application = FundingApplicationFactory(
        room=world.room, submitted=True, amount_requested=Decimal("30000.00")
    )
    before = (application.status, application.decided_on, application.updated_at)
    treasurer = signed_in(visitor, world, "treasurer")
    treasurer.open(
        reverse("brokering:funding_edit", kwargs={"application": application.uuid})
    )

    treasurer.main("[name=status]").select_option(value=FundingStatus.GRANTED.value)
    treasurer.main("[name=decided_on]").fill(timezone.localdate().isoformat())
    treasurer.main("[name=amount_granted]").fill("30000.01")
    response = treasurer.submit()

    assert response.status == 400
    error = treasurer.main("#id_amount_granted_error").inner_text().strip()
    assert error == dutch("More was granted than requested: check the amount.")
    application.refresh_from_db()
    after = (application.status, application.decided_on, application.updated_at)
    assert after == before
    assert application.amount_granted is None


def test_the_team_coordinator_ticks_a_checklist_item_but_cannot_pass_the_gate(
    visitor: MakeVisitor, world: World
) -> None:
    room = RoomFactory(stage=Stage.AGREEMENTS_SIGNED, name="Kamer Bijna", slug="bijna")
    user = world.users["team_coordinator"]
    GrantFactory(user=user, role=Role.TEAM_COORDINATOR, room=room)
    keys = ChecklistItemFactory(room=room, title="Sleutels opgehaald")
    ChecklistItemFactory(room=room, title="Opening aangekondigd")
    coordinator = signed_in(visitor, world, "team_coordinator")
    coordinator.open(room.get_absolute_url())
    coordinator.follow(track_url(room))
    assert room.next_stage == Stage.OPERATIONAL
    advance = reverse("startup:advance", kwargs={"room": room.slug})
    assert coordinator.main(f'form[action="{advance}"]').count() == 0

    tick = reverse("startup:checklist_tick", kwargs={"item": keys.uuid})
    coordinator.submit(f'form[action="{tick}"]')

    keys.refresh_from_db()
    today = timezone.localdate()
    assert (keys.done_on, keys.done_by) == (today, user)
    assert room.checklist.filter(done_on__isnull=False).get() == keys
    item = coordinator.main(".bwk-checklist li").filter(has_text=keys.title)
    assert item.locator(".bwk-done").inner_text() == keys.title
    done = dutch("done on %(date)s", date=shown(today))
    assert item.locator(".bwk-hint").inner_text() == done
    assert coordinator.main(f'form[action="{advance}"]').count() == 0


def test_the_volunteer_sees_their_room_but_not_its_start_up_track(
    visitor: MakeVisitor, world: World
) -> None:
    volunteer = signed_in(visitor, world, "volunteer")
    volunteer.open(reverse("core:dashboard"))
    rooms = volunteer.main(f'section[aria-label="{dutch("Your rooms")}"]')

    volunteer.press(rooms.locator(f'a[href="{world.room.get_absolute_url()}"]'))
    assert volunteer.main("h1").inner_text() == world.room.name
    assert volunteer.main(f'a[href="{track_url(world.room)}"]').count() == 0

    assert volunteer.open(track_url(world.room)).status == 403


def test_the_audit_committee_reads_a_funding_application_but_not_the_track(
    visitor: MakeVisitor, world: World
) -> None:
    application = FundingApplicationFactory(room=world.room, granted=True)
    member = signed_in(visitor, world, "audit_committee")

    response = member.open(application.get_absolute_url())

    assert response.status == 200
    assert member.main("h1").inner_text() == application.title
    assert "EUR 25.000,00" in member.main(".bwk-facts").inner_text()
    edit = reverse("brokering:funding_edit", kwargs={"application": application.uuid})
    assert member.main(f'a[href="{edit}"]').count() == 0
    assert member.open(track_url(world.room)).status == 403
