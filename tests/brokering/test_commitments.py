"""What each party of an agreement commits: stated while the agreement is open,
fixed once signed, shown on the agreement page."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.constants import AgreementKind
from buurtwerkkamer.brokering.models import AgreementParty
from tests.factories import OrganisationFactory
from tests.personas import World

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # The messages are compared in their English source form.
    with translation.override("en"):
        yield


@pytest.fixture
def party(world: World) -> AgreementParty:
    agreement = services.create_agreement(
        world.room,
        kind=AgreementKind.COOPERATION,
        title="Samenwerking 2027",
        parties=[world.partner_organisation, OrganisationFactory(residents=True)],
    )
    return agreement.parties.get(organisation=world.partner_organisation)


def test_a_party_states_an_amount_and_what_it_gives_in_kind(
    world: World, party: AgreementParty
) -> None:
    services.set_commitment(
        party, Decimal("12500.50"), "  De ruimte op dinsdag ", world.users["board"]
    )

    party.refresh_from_db()
    assert (party.commitment_amount, party.commitment_in_kind) == (
        Decimal("12500.50"),
        "De ruimte op dinsdag",
    )


def test_a_commitment_only_in_kind_has_no_amount(
    world: World, party: AgreementParty
) -> None:
    services.set_commitment(party, None, "8 uur per week", world.users["board"])

    party.refresh_from_db()
    assert party.commitment_amount is None
    assert party.has_commitment is True


def test_a_negative_commitment_is_refused(world: World, party: AgreementParty) -> None:
    with pytest.raises(ValidationError) as refused:
        services.set_commitment(party, Decimal("-0.01"), "", world.users["board"])

    assert refused.value.message_dict["commitment_amount"] == [
        gettext("A committed amount is not negative.")
    ]
    party.refresh_from_db()
    assert party.commitment_amount is None


def test_the_database_refuses_a_negative_commitment(party: AgreementParty) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementParty.objects.filter(pk=party.pk).update(
            commitment_amount=Decimal("-1")
        )


def test_a_party_that_signed_keeps_its_commitment(
    world: World, party: AgreementParty
) -> None:
    services.set_commitment(party, Decimal("100"), "", world.users["board"])
    services.record_signature(party, signed_on=TODAY, signed_by="A", today=TODAY)

    with pytest.raises(ValidationError) as refused:
        services.set_commitment(party, Decimal("200"), "", world.users["board"])

    assert refused.value.messages == [
        gettext("This party has signed: its commitment cannot change any more.")
    ]
    party.refresh_from_db()
    assert party.commitment_amount == Decimal("100.00")


def test_a_commitment_in_an_agreement_signed_by_all_cannot_change(
    world: World, party: AgreementParty
) -> None:
    for each in party.agreement.parties.all():
        services.record_signature(each, signed_on=TODAY, signed_by="A", today=TODAY)

    with pytest.raises(ValidationError) as refused:
        services.set_commitment(party, Decimal("200"), "", world.users["board"])

    assert refused.value.messages == [gettext("A signed agreement cannot change.")]


def test_the_project_coach_enters_a_commitment_on_its_page(
    client, world: World, party: AgreementParty
) -> None:
    client.force_login(world.users["project_coach"])
    url = reverse("brokering:commitment", kwargs={"party": party.uuid})

    response = client.post(
        url, {"commitment_amount": "4000.00", "commitment_in_kind": "Een lokaal"}
    )

    assert response.status_code == 302
    party.refresh_from_db()
    assert party.commitment_amount == Decimal("4000.00")
    assert party.commitment_in_kind == "Een lokaal"


def test_the_agreement_page_shows_each_commitment(
    client, world: World, party: AgreementParty
) -> None:
    services.set_commitment(
        party, Decimal("4321.09"), "Een lokaal", world.users["board"]
    )
    client.force_login(world.users["partner"])

    page = client.get(party.agreement.get_absolute_url()).content.decode()

    assert "EUR 4.321,09" in page
    assert "Een lokaal" in page


def test_a_partner_may_not_change_a_commitment(
    client, world: World, party: AgreementParty
) -> None:
    client.force_login(world.users["partner"])
    url = reverse("brokering:commitment", kwargs={"party": party.uuid})

    response = client.post(url, {"commitment_amount": "1.00"})

    assert response.status_code == 403
    party.refresh_from_db()
    assert party.commitment_amount is None


def test_the_page_explains_a_refused_commitment(
    client, world: World, party: AgreementParty
) -> None:
    services.record_signature(party, signed_on=TODAY, signed_by="A", today=TODAY)
    client.force_login(world.users["project_coach"])
    url = reverse("brokering:commitment", kwargs={"party": party.uuid})

    response = client.post(url, {"commitment_amount": "10.00"})

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        gettext("This party has signed: its commitment cannot change any more.")
    ]
