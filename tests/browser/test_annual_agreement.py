"""Next year's annual agreement drafted from this year's and signed by every
party; and an agreement page that shows realised against target."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import Agreement
from tests.brokering.conftest import FAKE, FakeIndicator, registered
from tests.brokering.factories import (
    AnnualAgreementFactory,
    ObligationValueFactory,
    ResultObligationFactory,
)
from tests.factories import AgreementPartyFactory, OrganisationFactory
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fake_indicator() -> Iterator[FakeIndicator]:
    yield from registered()


@pytest.fixture
def coach(visitor: MakeVisitor, world: World) -> Visitor:
    person = visitor()
    person.sign_in(world.users["project_coach"])
    return person


def this_years(world: World) -> Agreement:
    """This year's agreement, signed by the municipality and the residents."""
    year = timezone.localdate().year
    agreement = AnnualAgreementFactory(
        room=world.room,
        year=year,
        title=f"Jaarafspraak Thuis {year}",
        signed=True,
    )
    for organisation in (world.partner_organisation, OrganisationFactory()):
        AgreementPartyFactory(
            agreement=agreement,
            organisation=organisation,
            signed_on=datetime.date(year - 1, 11, 20),
            signed_by="Ondertekenaar",
            commitment_amount=Decimal("30000.00"),
        )
    ResultObligationFactory(agreement=agreement, target=Decimal("200"))
    return agreement


def test_next_years_agreement_is_drafted_from_this_years_and_signed_by_all(
    coach: Visitor, world: World
) -> None:
    current = this_years(world)
    year = current.year + 1

    coach.open(current.get_absolute_url())
    label = dutch("Draft the agreement for %(year)s from this one", year=year)
    coach.press(
        coach.main(
            "button",
        ).filter(has_text=label)
    )
    draft = Agreement.objects.get(room=world.room, year=year)
    assert coach.page.url == coach.base_url + draft.get_absolute_url()
    assert draft.title == f"Jaarafspraak Thuis {year}"

    coach.press(
        coach.main("button").filter(
            has_text=dutch("Start negotiating with the parties")
        )
    )
    for party in draft.parties.select_related("organisation"):
        coach.follow(reverse("brokering:sign", kwargs={"party": party.uuid}))
        coach.main("[name=signed_on]").fill(timezone.localdate().isoformat())
        coach.main("[name=signed_by]").fill(f"Namens {party.organisation.name}")
        coach.submit()

    draft.refresh_from_db()
    assert draft.status == AgreementStatus.SIGNED
    assert draft.parties.filter(signed_on__isnull=True).count() == 0
    assert draft.obligations.get().target == Decimal("200")
    status = coach.main(".bwk-facts .bwk-badge--ok").inner_text()
    assert status == dutch("Signed by all parties")


def test_the_agreement_page_shows_realised_against_target(
    visitor: MakeVisitor, world: World, fake_indicator: FakeIndicator
) -> None:
    agreement = this_years(world)
    ResultObligationFactory(
        agreement=agreement,
        indicator=FAKE,
        computed=True,
        target=Decimal("10"),
        unit="visits",
    )
    ObligationValueFactory(
        obligation=agreement.obligations.get(computed=False),
        value=Decimal("1"),
        as_of=agreement.starts_on + datetime.timedelta(days=180),
    )
    fake_indicator.values = {world.room.pk: Decimal("1000")}
    partner = visitor()
    partner.sign_in(world.users["partner"])

    partner.open(agreement.get_absolute_url())

    tracks = partner.main("td[data-on-track]")
    realised = partner.main("td[data-realised]")
    assert [tracks.nth(i).get_attribute("data-on-track") for i in range(2)] == [
        "no",
        "yes",
    ]
    assert [realised.nth(i).get_attribute("data-realised") for i in range(2)] == [
        "1.00",
        "1000",
    ]
    assert partner.main("meter").count() == 2
