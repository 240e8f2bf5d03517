import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.constants import (
    AgreementKind,
    AgreementStatus,
    FundingStatus,
)
from buurtwerkkamer.brokering.models import Agreement, FundingApplication
from buurtwerkkamer.documents.constants import DocumentKind
from tests.factories import FundingApplicationFactory, OrganisationFactory
from tests.personas import World

TODAY = datetime.date(2026, 12, 3)


def make_agreement(world: World) -> Agreement:
    return services.create_agreement(
        world.room,
        kind=AgreementKind.LETTER_OF_INTENT,
        title="Intentie",
        parties=[world.partner_organisation, OrganisationFactory(residents=True)],
    )


def test_the_parties_of_an_agreement_become_partners_of_the_room(world: World) -> None:
    agreement = make_agreement(world)
    assert set(world.room.partners.all()) == {
        p.organisation for p in agreement.parties.all()
    }


def test_an_agreement_is_signed_when_the_last_party_signs(world: World) -> None:
    agreement = make_agreement(world)
    first, second = agreement.parties.all()
    services.record_signature(first, signed_on=TODAY, signed_by="A", today=TODAY)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.NEGOTIATING
    services.record_signature(second, signed_on=TODAY, signed_by="B", today=TODAY)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED


def test_a_signature_in_the_future_is_refused(world: World) -> None:
    party = make_agreement(world).parties.first()
    with pytest.raises(ValidationError):
        services.record_signature(
            party,
            signed_on=TODAY + datetime.timedelta(days=1),
            signed_by="A",
            today=TODAY,
        )
    party.refresh_from_db()
    assert party.signed_on is None


def test_a_partner_user_signs_for_their_own_organisation_only(
    client, world: World
) -> None:
    agreement = make_agreement(world)
    own = agreement.parties.get(organisation=world.partner_organisation)
    other = agreement.parties.exclude(pk=own.pk).get()
    client.force_login(world.users["partner"])
    assert (
        client.get(reverse("brokering:sign", kwargs={"party": own.uuid})).status_code
        == 200
    )
    assert (
        client.get(reverse("brokering:sign", kwargs={"party": other.uuid})).status_code
        == 403
    )


def test_an_agreement_ending_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        services.create_agreement(
            world.room,
            kind=AgreementKind.COOPERATION,
            title="x",
            parties=[],
            starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2026, 1, 1),
        )
    assert not Agreement.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"period_end": datetime.date(2026, 1, 1)}, "period_end"),
        ({"amount_requested": Decimal("-5.00")}, "amount_requested"),
        (
            {
                "status": FundingStatus.GRANTED,
                "submitted_on": TODAY,
                "decided_on": TODAY,
            },
            "amount_granted",
        ),
        (
            {
                "status": FundingStatus.GRANTED,
                "submitted_on": TODAY,
                "decided_on": TODAY,
                "amount_granted": Decimal("30000.00"),
            },
            "amount_granted",
        ),
        ({"status": FundingStatus.REJECTED, "submitted_on": TODAY}, "decided_on"),
        ({"status": FundingStatus.SUBMITTED}, "submitted_on"),
        (
            {
                "status": FundingStatus.REJECTED,
                "submitted_on": TODAY,
                "decided_on": TODAY - datetime.timedelta(days=1),
            },
            "decided_on",
        ),
    ],
)
def test_an_impossible_funding_application_is_refused(
    world: World, changes: dict, field: str
) -> None:
    application = FundingApplicationFactory.build(
        room=world.room, funder=world.partner_organisation
    )
    for name, value in changes.items():
        setattr(application, name, value)
    with pytest.raises(ValidationError) as refused:
        services.save_funding_application(application)
    assert field in refused.value.message_dict
    assert not FundingApplication.objects.exists()


def test_the_treasurer_records_a_grant_through_the_page(client, world: World) -> None:
    application = FundingApplicationFactory(room=world.room, submitted=True)
    client.force_login(world.users["treasurer"])
    response = client.post(
        reverse("brokering:funding_edit", kwargs={"application": application.uuid}),
        {
            "funder": application.funder.pk,
            "title": application.title,
            "amount_requested": "25000.00",
            "period_start": "2027-01-01",
            "period_end": "2027-12-31",
            "status": "partly_granted",
            "submitted_on": "2026-10-01",
            "decided_on": "2026-11-20",
            "amount_granted": "18500.00",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.amount_granted == Decimal("18500.00")
    assert application.is_granted


def test_a_party_cannot_sign_twice(world: World) -> None:
    party = make_agreement(world).parties.first()
    services.record_signature(party, signed_on=TODAY, signed_by="A", today=TODAY)
    with pytest.raises(ValidationError):
        services.record_signature(party, signed_on=TODAY, signed_by="B", today=TODAY)
    party.refresh_from_db()
    assert party.signed_by == "A"


def test_a_signed_agreement_does_not_change(world: World) -> None:
    agreement = make_agreement(world)
    for party in agreement.parties.all():
        services.record_signature(party, signed_on=TODAY, signed_by="X", today=TODAY)
    agreement.refresh_from_db()
    with pytest.raises(ValidationError):
        services.update_agreement(agreement, title="Anders")
    assert Agreement.objects.get(pk=agreement.pk).title == "Intentie"


def test_the_kind_of_an_agreement_does_not_change(world: World) -> None:
    agreement = make_agreement(world)
    with pytest.raises(ValidationError):
        services.update_agreement(agreement, kind=AgreementKind.COOPERATION)
    assert Agreement.objects.get(pk=agreement.pk).kind == AgreementKind.LETTER_OF_INTENT


def test_the_decision_letter_is_kept_as_finance_for_the_audit_committee(
    client, world: World
) -> None:
    application = FundingApplicationFactory(room=world.room, granted=True)
    client.force_login(world.users["treasurer"])
    pdf = SimpleUploadedFile("besluit.pdf", b"%PDF-1.4\nbesluit\n%%EOF\n")
    response = client.post(
        reverse("brokering:decision_letter", kwargs={"application": application.uuid}),
        {"file": pdf},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.document.kind == DocumentKind.FUNDING
    client.force_login(world.users["audit_committee"])
    download = reverse(
        "documents:download", kwargs={"document": application.document.uuid}
    )
    assert client.get(download).status_code == 200
