"""Partnerships and annual agreements: their periods, investments per year,
one annual agreement per room and year, next year's copy and amendments."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
from buurtwerkkamer.brokering.models import (
    Agreement,
    Amendment,
    PartnershipInvestment,
    ResultObligation,
)
from tests.factories import AgreementPartyFactory, OrganisationFactory, UserFactory
from tests.personas import World

from .factories import (
    AnnualAgreementFactory,
    PartnershipFactory,
    ResultObligationFactory,
)

TODAY = datetime.date(2026, 12, 3)


def annual(world: World, year: int = 2026) -> Agreement:
    return services.create_agreement(
        world.room,
        kind=AgreementKind.ANNUAL,
        title=f"Jaarafspraak {year}",
        parties=[world.partner_organisation],
        year=year,
    )


def test_an_annual_agreement_runs_over_its_calendar_year(world: World) -> None:
    agreement = annual(world, 2027)
    assert (agreement.starts_on, agreement.ends_on) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 12, 31),
    )


def test_an_annual_agreement_without_a_year_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.create_agreement(
            world.room, kind=AgreementKind.ANNUAL, title="Jaar", parties=[]
        )
    assert "year" in refused.value.message_dict
    assert not Agreement.objects.exists()


def test_a_second_annual_agreement_for_the_same_room_and_year_is_refused(
    world: World,
) -> None:
    annual(world, 2027)
    with pytest.raises(ValidationError):
        annual(world, 2027)
    assert Agreement.objects.filter(year=2027).count() == 1


def test_the_database_holds_a_room_to_one_annual_agreement_a_year(
    world: World,
) -> None:
    AnnualAgreementFactory(room=world.room, year=2027)
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualAgreementFactory(room=world.room, year=2027)


def test_another_room_has_its_own_annual_agreement_for_the_same_year(
    world: World,
) -> None:
    AnnualAgreementFactory(room=world.room, year=2027)
    other = AnnualAgreementFactory(room=world.other_room, year=2027)
    assert other.pk is not None


def test_a_partnership_ending_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        services.create_agreement(
            world.room,
            kind=AgreementKind.PARTNERSHIP,
            title="Verbinding",
            parties=[world.partner_organisation],
            starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2025, 12, 31),
            shared_goals="Samen sterk",
        )
    assert not Agreement.objects.exists()


def test_a_partnership_needs_both_ends_of_its_period(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.create_agreement(
            world.room,
            kind=AgreementKind.PARTNERSHIP,
            title="Verbinding",
            parties=[],
            starts_on=datetime.date(2026, 1, 1),
        )
    assert "ends_on" in refused.value.message_dict


def test_a_partnership_keeps_its_shared_goals(world: World) -> None:
    agreement = services.create_agreement(
        world.room,
        kind=AgreementKind.PARTNERSHIP,
        title="Verbinding",
        parties=[world.partner_organisation],
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2029, 12, 31),
        shared_goals="Meer bewoners aan het werk",
    )
    agreement.refresh_from_db()
    assert agreement.shared_goals == "Meer bewoners aan het werk"
    assert agreement.years == [2026, 2027, 2028, 2029]


def open_partnership(world: World) -> Agreement:
    return PartnershipFactory(room=world.room, status=AgreementStatus.NEGOTIATING)


def test_a_party_states_what_it_invests_in_a_year_of_the_partnership(
    world: World,
) -> None:
    party = AgreementPartyFactory(agreement=open_partnership(world))
    services.set_investment(
        party, year=2026, amount=Decimal("12000.00"), in_kind="Ruimte"
    )
    services.set_investment(party, year=2026, amount=Decimal("15000.00"), in_kind="")
    investment = PartnershipInvestment.objects.get()
    assert (investment.amount, investment.in_kind) == (Decimal("15000.00"), "")


@pytest.mark.parametrize(
    ("year", "amount", "in_kind"),
    [
        (2030, Decimal("100.00"), ""),
        (2026, None, " "),
        (2026, Decimal("-1.00"), ""),
    ],
    ids=["outside the period", "nothing at all", "negative"],
)
def test_an_investment_that_makes_no_sense_is_refused(
    world: World, year: int, amount: Decimal | None, in_kind: str
) -> None:
    party = AgreementPartyFactory(agreement=open_partnership(world))
    with pytest.raises(ValidationError):
        services.set_investment(party, year=year, amount=amount, in_kind=in_kind)
    assert not PartnershipInvestment.objects.exists()


def test_investments_belong_to_partnerships_only(world: World) -> None:
    party = AgreementPartyFactory(
        agreement=AnnualAgreementFactory(room=world.room, negotiating=True)
    )
    with pytest.raises(ValidationError):
        services.set_investment(party, year=2026, amount=Decimal("1.00"), in_kind="")
    assert not PartnershipInvestment.objects.exists()


def signed_annual(world: World) -> Agreement:
    agreement = AnnualAgreementFactory(room=world.room, year=2026, signed=True)
    AgreementPartyFactory(
        agreement=agreement,
        organisation=world.partner_organisation,
        signed_on=datetime.date(2025, 11, 20),
        signed_by="Wethouder",
        commitment_amount=Decimal("40000.00"),
        commitment_in_kind="Beleidsadviseur",
    )
    ResultObligationFactory(
        agreement=agreement, target=Decimal("250.00"), description="Formulieren"
    )
    return agreement


def test_next_years_copy_is_a_draft_with_the_same_parties_unsigned(
    world: World,
) -> None:
    copy = services.copy_annual_agreement(signed_annual(world))
    party = copy.parties.get()
    assert (copy.year, copy.status, copy.title) == (
        2027,
        AgreementStatus.DRAFT,
        "Jaarafspraak 2027",
    )
    assert (party.organisation, party.signed_on, party.signed_by) == (
        world.partner_organisation,
        None,
        "",
    )


def test_next_years_copy_keeps_the_commitments(world: World) -> None:
    party = services.copy_annual_agreement(signed_annual(world)).parties.get()
    assert (party.commitment_amount, party.commitment_in_kind) == (
        Decimal("40000.00"),
        "Beleidsadviseur",
    )


def test_next_years_copy_keeps_the_targets_over_next_years_period(
    world: World,
) -> None:
    copy = services.copy_annual_agreement(signed_annual(world))
    obligation = copy.obligations.get()
    assert (obligation.target, obligation.description) == (
        Decimal("250.00"),
        "Formulieren",
    )
    assert (obligation.period_start, obligation.period_end) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 12, 31),
    )


def test_a_copy_for_a_year_the_room_already_has_is_refused(world: World) -> None:
    previous = signed_annual(world)
    AnnualAgreementFactory(room=world.room, year=2027)
    with pytest.raises(ValidationError):
        services.copy_annual_agreement(previous)
    assert Agreement.objects.filter(year=2027).count() == 1
    assert ResultObligation.objects.count() == 1


def test_only_an_annual_agreement_is_copied(world: World) -> None:
    partnership = PartnershipFactory(room=world.room)
    with pytest.raises(ValidationError):
        services.copy_annual_agreement(partnership)
    assert Agreement.objects.count() == 1


def test_an_amendment_clears_the_signatures_and_keeps_what_changed(
    world: World,
) -> None:
    agreement = signed_annual(world)
    user = UserFactory()
    services.amend_agreement(
        agreement, changes="Doel verhoogd", amended_on=TODAY, user=user, today=TODAY
    )
    agreement.refresh_from_db()
    amendment = Amendment.objects.get()
    assert agreement.status == AgreementStatus.AMENDED
    assert list(agreement.parties.values_list("signed_on", flat=True)) == [None]
    assert (amendment.changes, amendment.amended_on) == ("Doel verhoogd", TODAY)


def test_an_amended_agreement_is_signed_again_when_every_party_signed(
    world: World,
) -> None:
    agreement = signed_annual(world)
    services.amend_agreement(
        agreement,
        changes="Ander doel",
        amended_on=TODAY,
        user=UserFactory(),
        today=TODAY,
    )
    services.record_signature(
        agreement.parties.get(), signed_on=TODAY, signed_by="Wethouder", today=TODAY
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED


def test_an_amended_agreement_stays_amended_while_a_party_has_yet_to_sign(
    world: World,
) -> None:
    agreement = signed_annual(world)
    AgreementPartyFactory(agreement=agreement, signed_on=TODAY, signed_by="Buren")
    services.amend_agreement(
        agreement,
        changes="Ander doel",
        amended_on=TODAY,
        user=UserFactory(),
        today=TODAY,
    )
    first = agreement.parties.first()
    services.record_signature(first, signed_on=TODAY, signed_by="X", today=TODAY)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.AMENDED


@pytest.mark.parametrize(
    ("kind", "status", "changes", "day"),
    [
        (AgreementKind.COOPERATION, AgreementStatus.SIGNED, "x", TODAY),
        (AgreementKind.ANNUAL, AgreementStatus.NEGOTIATING, "x", TODAY),
        (AgreementKind.ANNUAL, AgreementStatus.SIGNED, "  ", TODAY),
        (
            AgreementKind.ANNUAL,
            AgreementStatus.SIGNED,
            "x",
            TODAY + datetime.timedelta(days=1),
        ),
    ],
    ids=["cooperation", "not signed", "no changes", "in the future"],
)
def test_an_amendment_that_does_not_fit_is_refused(
    world: World, kind: str, status: str, changes: str, day: datetime.date
) -> None:
    if kind == AgreementKind.ANNUAL:
        agreement = AnnualAgreementFactory(room=world.room, status=status)
    else:
        agreement = PartnershipFactory(room=world.room, kind=kind, status=status)
    with pytest.raises(ValidationError):
        services.amend_agreement(
            agreement, changes=changes, amended_on=day, user=UserFactory(), today=TODAY
        )
    agreement.refresh_from_db()
    assert agreement.status == status
    assert not Amendment.objects.exists()


def test_a_draft_goes_into_negotiation_once_it_has_parties(world: World) -> None:
    agreement = AnnualAgreementFactory(room=world.room)
    AgreementPartyFactory(agreement=agreement, organisation=OrganisationFactory())
    services.start_negotiation(agreement)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.NEGOTIATING


def test_a_draft_without_parties_stays_a_draft(world: World) -> None:
    agreement = AnnualAgreementFactory(room=world.room)
    with pytest.raises(ValidationError):
        services.start_negotiation(agreement)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DRAFT
