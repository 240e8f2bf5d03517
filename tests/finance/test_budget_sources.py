"""A room's budget drawn on the funders' commitments and grants, and budget
against actuals per funder (DESIGN.md section 5, fixed costs)."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import given, settings
from hypothesis import strategies as st

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import AgreementParty, FundingApplication
from buurtwerkkamer.finance import costs
from buurtwerkkamer.finance.constants import PETTY_CASH
from buurtwerkkamer.finance.models import BudgetLine
from buurtwerkkamer.rooms.models import Room
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ExpenseFactory,
    FixedCostFactory,
    FundingApplicationFactory,
    OrganisationFactory,
)
from tests.personas import World

YEAR = 2027


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # The messages are compared in their English source form.
    with translation.override("en"):
        yield


def commitment(
    room: Room,
    amount: str | None = "10000.00",
    in_kind: str = "",
    **agreement: object,
) -> AgreementParty:
    values: dict = {
        "status": AgreementStatus.NEGOTIATING,
        "starts_on": datetime.date(YEAR, 1, 1),
        "ends_on": datetime.date(YEAR, 12, 31),
        **agreement,
    }
    return AgreementPartyFactory(
        agreement=AgreementFactory(room=room, **values),
        commitment_amount=None if amount is None else Decimal(amount),
        commitment_in_kind=in_kind,
    )


def grant(room: Room, amount: str = "6000.00") -> FundingApplication:
    return FundingApplicationFactory(
        room=room, granted=True, amount_granted=Decimal(amount)
    )


def line(room: Room, category: str, amount: str, source: object = None) -> BudgetLine:
    kind = "commitment" if isinstance(source, AgreementParty) else "funding_source"
    return costs.save_budget_line(
        room, YEAR, category=category, amount=Decimal(amount), **{kind: source}
    )


def spend(room: Room, category: str, amount: str) -> None:
    month = datetime.date(YEAR, 3, 1)
    if category == PETTY_CASH:
        ExpenseFactory(room=room, spent_on=month, amount=Decimal(amount))
    else:
        FixedCostFactory(room=room, month=month, category=category, amount=amount)


def refusal(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return error.value.messages


# The figures per funder.


@pytest.fixture
def funded(world: World) -> dict[str, object]:
    """Rent shared 3:1 by the municipality and a fund, utilities 1:1:1 by the
    municipality, a housing association's space and the cooperative, petty cash
    by the cooperative, and insurance without budget."""
    room = world.room
    municipality = commitment(room, "10000.00")
    housing = commitment(room, None, in_kind="De ruimte")
    fund = grant(room, "6000.00")
    line(room, "rent", "3000.00", municipality)
    line(room, "rent", "1000.00", fund)
    line(room, "utilities", "1000.00", municipality)
    line(room, "utilities", "1000.00", housing)
    line(room, "utilities", "1000.00")
    line(room, PETTY_CASH, "2000.00")
    spend(room, "rent", "1000.01")
    spend(room, "utilities", "100.00")
    spend(room, "insurance", "45.67")
    spend(room, PETTY_CASH, "12.50")
    return {"municipality": municipality, "housing": housing, "fund": fund}


def rows_of(world: World) -> dict[object, costs.SourceRow]:
    report = costs.budget_against_actuals(world.room, YEAR)
    return {row.source: row for row in report.sources}


def test_a_commitment_shows_what_it_committed_was_assigned_and_spent(
    world: World, funded: dict
) -> None:
    row = rows_of(world)[funded["municipality"]]

    # Rent 1000.01 at 3/4 is 750.0075: the missing cent goes to the larger
    # remainder; utilities 100.00 at 1/3 gives the first line the odd cent.
    assert (row.granted, row.assigned, row.spent) == (
        Decimal("10000.00"),
        Decimal("4000.00"),
        Decimal("783.35"),
    )
    assert (row.unassigned, row.left) == (Decimal("6000.00"), Decimal("3216.65"))


def test_a_commitment_in_kind_has_no_amount_but_carries_its_share(
    world: World, funded: dict
) -> None:
    row = rows_of(world)[funded["housing"]]

    assert (row.granted, row.assigned, row.spent) == (
        None,
        Decimal("1000.00"),
        Decimal("33.33"),
    )
    assert row.unassigned is None


def test_a_grant_carries_its_share_of_the_category(world: World, funded: dict) -> None:
    row = rows_of(world)[funded["fund"]]

    assert (row.granted, row.assigned, row.spent) == (
        Decimal("6000.00"),
        Decimal("1000.00"),
        Decimal("250.00"),
    )


def test_spending_without_budget_counts_as_the_cooperatives_own_means(
    world: World, funded: dict
) -> None:
    row = rows_of(world)[None]

    # 33.33 of utilities, insurance 45.67 without budget, petty cash 12.50.
    assert (row.assigned, row.spent) == (Decimal("3000.00"), Decimal("91.50"))


def test_the_funders_shares_add_up_to_the_actuals(world: World, funded: dict) -> None:
    report = costs.budget_against_actuals(world.room, YEAR)

    assert sum(row.spent for row in report.sources) == report.actual
    assert report.actual == Decimal("1158.18")


def test_the_sources_list_commitments_then_grants_then_own_means(
    world: World, funded: dict
) -> None:
    report = costs.budget_against_actuals(world.room, YEAR)

    assert [row.source for row in report.sources] == [
        *sorted(
            [funded["municipality"], funded["housing"]],
            key=lambda party: (party.agreement.title, party.organisation.name),
        ),
        funded["fund"],
        None,
    ]


def test_a_commitment_of_the_year_shows_before_the_budget_draws_on_it(
    world: World,
) -> None:
    party = commitment(world.room, "500.00")

    row = rows_of(world)[party]

    assert (row.granted, row.assigned, row.spent) == (
        Decimal("500.00"),
        Decimal("0.00"),
        Decimal("0.00"),
    )


def test_budget_against_actuals_takes_five_queries_for_few_and_many_lines(
    world: World, django_assert_num_queries
) -> None:
    line(world.room, "rent", "10.00", commitment(world.room))
    with django_assert_num_queries(5):
        costs.budget_against_actuals(world.room, YEAR)

    for index in range(8):
        category = ["rent", "utilities", "phone", PETTY_CASH][index % 4]
        line(world.room, category, f"{index + 1}.00", commitment(world.room))
        line(world.room, category, f"{index + 3}.00", grant(world.room))
        spend(world.room, category, f"{index + 7}.11")

    with django_assert_num_queries(5):
        costs.budget_against_actuals(world.room, YEAR)


# Sharing a category's actual out in cents.


def test_the_odd_cents_go_to_the_largest_remainders() -> None:
    parts = costs.share_out(
        Decimal("10.00"), [Decimal("1"), Decimal("1"), Decimal("1")]
    )

    assert parts == [Decimal("3.34"), Decimal("3.33"), Decimal("3.33")]


def test_a_negative_actual_is_shared_out_as_well() -> None:
    parts = costs.share_out(Decimal("-0.05"), [Decimal("1"), Decimal("3")])

    assert parts == [Decimal("-0.01"), Decimal("-0.04")]


actuals = st.decimals(
    min_value=Decimal("-99999.99"),
    max_value=Decimal("9999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
line_amounts = st.decimals(
    min_value=Decimal("0.01"),
    max_value=Decimal("9999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@settings(max_examples=200, deadline=None)
@given(actuals, st.lists(line_amounts, min_size=1, max_size=12))
def test_the_parts_add_up_to_the_actual_and_each_is_within_a_cent_of_its_share(
    actual: Decimal, amounts: list[Decimal]
) -> None:
    parts = costs.share_out(actual, amounts)

    assert sum(parts) == actual
    total = sum(amounts)
    for part, amount in zip(parts, amounts, strict=True):
        assert abs(part - actual * amount / total) < Decimal("0.01")
        assert part == part.quantize(Decimal("0.01"))


# Saving a line on a commitment.


def test_a_line_on_a_commitment_is_changed_rather_than_added_twice(
    world: World,
) -> None:
    party = commitment(world.room)
    first = line(world.room, "rent", "100.00", party)

    second = line(world.room, "rent", "150.00", party)

    assert second.pk == first.pk
    assert list(BudgetLine.objects.values_list("commitment", "amount")) == [
        (party.pk, Decimal("150.00"))
    ]


def test_the_same_category_on_a_commitment_and_on_own_means_are_two_lines(
    world: World,
) -> None:
    party = commitment(world.room)
    line(world.room, "rent", "100.00", party)
    line(world.room, "rent", "50.00")

    assert BudgetLine.objects.count() == 2


def test_a_commitment_of_another_rooms_agreement_is_refused(world: World) -> None:
    elsewhere = commitment(world.other_room)

    with pytest.raises(ValidationError) as refused:
        line(world.room, "rent", "1.00", elsewhere)

    assert refusal(refused) == [
        gettext("That commitment is of another room's agreement.")
    ]
    assert not BudgetLine.objects.exists()


def test_a_commitment_in_a_draft_agreement_is_refused(world: World) -> None:
    draft = commitment(world.room, status=AgreementStatus.DRAFT)

    with pytest.raises(ValidationError) as refused:
        line(world.room, "rent", "1.00", draft)

    assert refusal(refused) == [
        gettext("That agreement is still a draft: it commits nobody.")
    ]


def test_a_commitment_in_an_agreement_that_ended_before_the_year_is_refused(
    world: World,
) -> None:
    ended = commitment(
        world.room,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(YEAR - 1, 12, 31),
    )

    with pytest.raises(ValidationError) as refused:
        line(world.room, "rent", "1.00", ended)

    assert refusal(refused) == [
        gettext("That agreement does not cover the year %(year)s.") % {"year": YEAR}
    ]


def test_a_commitment_in_an_agreement_that_starts_after_the_year_is_refused(
    world: World,
) -> None:
    later = commitment(
        world.room, starts_on=datetime.date(YEAR + 1, 1, 1), ends_on=None
    )

    with pytest.raises(ValidationError):
        line(world.room, "rent", "1.00", later)

    assert not BudgetLine.objects.exists()


def test_a_signed_agreement_of_several_years_covers_each_of_them(
    world: World,
) -> None:
    partnership = commitment(
        world.room,
        status=AgreementStatus.SIGNED,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
    )

    saved = line(world.room, "rent", "1.00", partnership)

    assert saved.commitment == partnership


def test_a_party_that_committed_nothing_is_refused_as_a_source(world: World) -> None:
    nothing = commitment(world.room, None)

    with pytest.raises(ValidationError) as refused:
        line(world.room, "rent", "1.00", nothing)

    assert refusal(refused) == [gettext("That party has stated no commitment.")]


def test_a_line_with_a_commitment_and_a_grant_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        costs.save_budget_line(
            world.room,
            YEAR,
            category="rent",
            amount=Decimal("1.00"),
            funding_source=grant(world.room),
            commitment=commitment(world.room),
        )

    assert refusal(refused) == [
        gettext("A budget line has one funding source at most.")
    ]


def test_the_database_refuses_a_line_with_two_sources(world: World) -> None:
    saved = line(world.room, "rent", "1.00", commitment(world.room))

    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.filter(pk=saved.pk).update(funding_source=grant(world.room))


# The budget page.


def budget_page(client, world: World, role: str = "treasurer") -> str:
    client.force_login(world.users[role])
    url = reverse("finance:budget", kwargs={"room": world.room.slug})
    return client.get(url, {"jaar": YEAR}).content.decode()


def source_choices(client, world: World) -> list[object]:
    client.force_login(world.users["treasurer"])
    url = reverse("finance:budget", kwargs={"room": world.room.slug})
    form = client.get(url, {"jaar": YEAR}).context["form"]
    return list(form.sources.values())


def test_the_page_offers_the_commitments_and_grants_of_the_year(
    client, world: World
) -> None:
    party = commitment(world.room)
    fund = grant(world.room)
    commitment(world.room, status=AgreementStatus.DRAFT)
    commitment(world.room, starts_on=datetime.date(YEAR + 1, 1, 1), ends_on=None)
    commitment(world.other_room)
    FundingApplicationFactory(room=world.room, submitted=True)

    assert source_choices(client, world) == [party, fund]


def test_the_treasurer_saves_a_line_on_a_commitment_through_the_page(
    client, world: World
) -> None:
    party = commitment(world.room, "8000.00")
    client.force_login(world.users["treasurer"])
    url = reverse("finance:budget_line", kwargs={"room": world.room.slug})

    response = client.post(
        url,
        {
            "year": str(YEAR),
            "category": "rent",
            "amount": "7000.00",
            "source": f"commitment:{party.uuid}",
        },
    )

    assert response.status_code == 302
    saved = BudgetLine.objects.get()
    assert (saved.commitment, saved.funding_source, saved.amount) == (
        party,
        None,
        Decimal("7000.00"),
    )


def test_a_source_that_is_not_offered_is_refused_by_the_page(
    client, world: World
) -> None:
    draft = commitment(world.room, status=AgreementStatus.DRAFT)
    client.force_login(world.users["treasurer"])
    url = reverse("finance:budget_line", kwargs={"room": world.room.slug})

    response = client.post(
        url,
        {
            "year": str(YEAR),
            "category": "rent",
            "amount": "7000.00",
            "source": f"commitment:{draft.uuid}",
        },
    )

    assert response.status_code == 400
    assert not BudgetLine.objects.exists()


def test_the_page_shows_committed_budgeted_spent_and_left_per_funder(
    client, world: World, funded: dict
) -> None:
    page = budget_page(client, world)

    # The municipality: committed, assigned, not assigned, spent, left.
    for figure in ["10.000,00", "4.000,00", "6.000,00", "783,35", "3.216,65"]:
        assert f"EUR {figure}" in page
    assert "De ruimte" in page


def test_the_budget_page_takes_the_same_queries_for_few_and_many_sources(
    client, world: World
) -> None:
    def count() -> int:
        client.force_login(world.users["treasurer"])
        url = reverse("finance:budget", kwargs={"room": world.room.slug})
        with CaptureQueriesContext(connection) as captured:
            client.get(url, {"jaar": YEAR})
        return len(captured)

    line(world.room, "rent", "10.00", commitment(world.room))
    few = count()
    for index in range(6):
        line(world.room, "rent", f"{index + 1}.00", commitment(world.room))
        line(world.room, "utilities", f"{index + 1}.00", grant(world.room))
        OrganisationFactory()

    assert count() == few
