"""Result obligations: what is refused, values entered with evidence, and the
realised value against the target, on track or behind."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import Agreement, ObligationValue, ResultObligation
from buurtwerkkamer.brokering.queries import elapsed, measure
from tests.factories import UserFactory
from tests.personas import World

from .conftest import FAKE, FakeIndicator
from .factories import (
    AnnualAgreementFactory,
    ObligationValueFactory,
    ResultObligationFactory,
)

TODAY = datetime.date(2026, 7, 2)  # day 183 of 365


@pytest.fixture
def agreement(world: World) -> Agreement:
    return AnnualAgreementFactory(room=world.room, year=2026, negotiating=True)


def test_a_computed_indicator_takes_its_unit_and_the_agreements_year(
    agreement: Agreement, fake_indicator: FakeIndicator
) -> None:
    obligation = services.add_obligation(
        agreement, indicator=FAKE, target=Decimal("500"), computed=True
    )
    assert (obligation.computed, obligation.unit) == (True, "visits")
    assert (obligation.period_start, obligation.period_end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )


def test_an_indicator_entered_by_hand_is_not_computed(agreement: Agreement) -> None:
    obligation = services.add_obligation(
        agreement, indicator="Tevreden bezoekers", target=Decimal("80"), unit="%"
    )
    assert obligation.computed is False


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"target": Decimal("0")}, "target"),
        ({"target": Decimal("-5")}, "target"),
        ({"target": Decimal("2000000")}, "target"),
        ({"target": Decimal("120"), "unit": "%"}, "target"),
        ({"indicator": "no_such_indicator", "computed": True}, "indicator"),
        ({"unit": " "}, "unit"),
        (
            {
                "period_start": datetime.date(2026, 6, 1),
                "period_end": datetime.date(2026, 3, 1),
            },
            "period_end",
        ),
    ],
    ids=[
        "zero",
        "negative",
        "beyond any bound",
        "above 100 percent",
        "unknown computed indicator",
        "no unit",
        "period ends before it starts",
    ],
)
def test_an_obligation_that_makes_no_sense_is_refused(
    agreement: Agreement, arguments: dict, field: str
) -> None:
    given = {
        "indicator": "Bewoners geholpen",
        "target": Decimal("100"),
        "unit": "bewoners",
        **arguments,
    }
    with pytest.raises(ValidationError) as refused:
        services.add_obligation(agreement, **given)
    assert field in refused.value.message_dict
    assert not ResultObligation.objects.exists()


def test_a_target_above_the_bound_of_a_computed_indicator_is_refused(
    agreement: Agreement,
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.add_obligation(
            agreement,
            indicator="visitors_per_week",
            target=Decimal("6000"),
            unit="bezoekers per week",
        )
    assert "target" in refused.value.message_dict
    assert not ResultObligation.objects.exists()


def test_a_signed_agreement_gets_no_new_obligations(world: World) -> None:
    signed = AnnualAgreementFactory(room=world.room, signed=True)
    with pytest.raises(ValidationError):
        services.add_obligation(signed, indicator="x", target=Decimal("1"), unit="keer")
    assert not ResultObligation.objects.exists()


def enter(obligation: ResultObligation, **changes: object) -> ObligationValue:
    given: dict = {
        "value": Decimal("40"),
        "as_of": datetime.date(2026, 6, 30),
        "user": UserFactory(),
        "today": TODAY,
        "note": "Turflijst",
        **changes,
    }
    return services.enter_value(obligation, **given)


def test_an_entered_value_keeps_its_evidence(agreement: Agreement) -> None:
    value = enter(ResultObligationFactory(agreement=agreement))
    assert (value.value, value.note) == (Decimal("40"), "Turflijst")


@pytest.mark.parametrize(
    "changes",
    [
        {"value": Decimal("-1")},
        {"as_of": TODAY + datetime.timedelta(days=1)},
        {"as_of": datetime.date(2025, 12, 31)},
        {"note": " "},
    ],
    ids=["negative", "in the future", "before the period", "without evidence"],
)
def test_an_entered_value_that_makes_no_sense_is_refused(
    agreement: Agreement, changes: dict
) -> None:
    with pytest.raises(ValidationError):
        enter(ResultObligationFactory(agreement=agreement), **changes)
    assert not ObligationValue.objects.exists()


def test_a_computed_obligation_takes_no_entered_value(agreement: Agreement) -> None:
    obligation = ResultObligationFactory(agreement=agreement, computed=True)
    with pytest.raises(ValidationError):
        enter(obligation)
    assert not ObligationValue.objects.exists()


def test_the_part_of_the_period_passed_counts_both_ends() -> None:
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    assert elapsed(start, end, datetime.date(2025, 12, 31)) == 0
    assert elapsed(start, end, datetime.date(2026, 1, 1)) == Decimal(1) / 365
    assert elapsed(start, end, datetime.date(2027, 1, 5)) == 1


def computed(agreement: Agreement, target: str) -> ResultObligation:
    return ResultObligationFactory(
        agreement=agreement, indicator=FAKE, computed=True, target=Decimal(target)
    )


def test_a_computed_indicator_is_realised_over_the_period_up_to_today(
    agreement: Agreement, fake_indicator: FakeIndicator
) -> None:
    fake_indicator.values = {agreement.room_id: Decimal("60")}
    [row] = measure([computed(agreement, "100")], TODAY)
    assert row.realised == Decimal("60")
    assert fake_indicator.calls == [
        (frozenset({agreement.room_id}), datetime.date(2026, 1, 1), TODAY)
    ]


def test_half_way_through_the_year_half_the_target_is_on_track(
    agreement: Agreement, fake_indicator: FakeIndicator
) -> None:
    fake_indicator.values = {agreement.room_id: Decimal("51")}
    [row] = measure([computed(agreement, "100")], TODAY)
    assert row.expected == Decimal("50.14")  # 100 x 183 / 365
    assert row.on_track is True


def test_less_than_the_share_of_the_target_is_behind(
    agreement: Agreement, fake_indicator: FakeIndicator
) -> None:
    fake_indicator.values = {agreement.room_id: Decimal("50")}
    [row] = measure([computed(agreement, "100")], TODAY)
    assert row.on_track is False
    assert row.share == 50


def test_a_level_is_held_to_the_whole_target(
    agreement: Agreement, fake_indicator: FakeIndicator, monkeypatch
) -> None:
    monkeypatch.setattr("buurtwerkkamer.brokering.queries.LEVEL_INDICATORS", {FAKE})
    fake_indicator.values = {agreement.room_id: Decimal("60")}
    [row] = measure([computed(agreement, "100")], TODAY)
    assert (row.expected, row.on_track) == (Decimal("100.00"), False)


def test_the_latest_entered_value_is_the_realised_one(agreement: Agreement) -> None:
    obligation = ResultObligationFactory(agreement=agreement, target=Decimal("100"))
    ObligationValueFactory(obligation=obligation, value=Decimal("10"))
    ObligationValueFactory(
        obligation=obligation, value=Decimal("30"), as_of=datetime.date(2026, 3, 31)
    )
    [row] = measure([obligation], TODAY)
    # Half the year has passed on 30 June: 49.59 expected, 10 realised.
    assert (row.realised, row.expected, row.on_track) == (
        Decimal("10"),
        Decimal("49.59"),
        False,
    )


def test_an_obligation_without_a_value_is_neither_on_track_nor_behind(
    agreement: Agreement,
) -> None:
    [row] = measure([ResultObligationFactory(agreement=agreement)], TODAY)
    assert (row.realised, row.on_track) == (None, None)


def test_before_its_period_an_obligation_is_not_measured(
    world: World, fake_indicator: FakeIndicator
) -> None:
    next_year = AnnualAgreementFactory(room=world.room, year=2027)
    [row] = measure([computed(next_year, "100")], TODAY)
    assert (row.realised, row.on_track) == (None, None)
    assert fake_indicator.calls == []


def test_obligations_with_the_same_indicator_and_period_share_one_computation(
    world: World, fake_indicator: FakeIndicator
) -> None:
    here = AnnualAgreementFactory(room=world.room, status=AgreementStatus.SIGNED)
    there = AnnualAgreementFactory(room=world.other_room, status=AgreementStatus.SIGNED)
    fake_indicator.values = {
        world.room.pk: Decimal("7"),
        world.other_room.pk: Decimal("9"),
    }
    rows = measure([computed(here, "10"), computed(there, "10")], TODAY)
    assert [row.realised for row in rows] == [Decimal("7"), Decimal("9")]
    assert len(fake_indicator.calls) == 1
