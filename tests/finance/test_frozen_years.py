"""Frozen years (DESIGN.md section 5, periods): once the accountant approved a
year's figures, nothing dated in that year changes any more."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from buurtwerkkamer.finance import closing, costs, services
from buurtwerkkamer.finance.constants import FixedCostCategory
from buurtwerkkamer.finance.models import (
    BudgetLine,
    Expense,
    FixedCost,
    FrozenYear,
    Transfer,
)
from tests.factories import BankStatementFactory, ExpenseFactory, TransferFactory
from tests.personas import World

NOVEMBER = datetime.date(2025, 11, 1)
DECEMBER = datetime.date(2025, 12, 1)
TODAY = datetime.date(2026, 2, 3)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # The messages are compared in their English source form.
    with translation.override("en"):
        yield


@pytest.fixture
def year_2025(world: World) -> World:
    """November and December 2025 with entries; both reconcile with the bank."""
    room = world.room
    TransferFactory(room=room, month=NOVEMBER, amount=Decimal("250.00"))
    ExpenseFactory(room=room, spent_on=datetime.date(2025, 11, 8), amount="20.05")
    ExpenseFactory(room=room, spent_on=datetime.date(2025, 12, 12), amount="9.95")
    for day, balance in ((30, "229.95"), (31, "220.00")):
        month = 11 if day == 30 else 12
        BankStatementFactory(
            room=room,
            closing_date=datetime.date(2025, month, day),
            closing_balance=Decimal(balance),
        )
    return world


def close_both(world: World) -> None:
    for month in (NOVEMBER, DECEMBER):
        closing.close_month(world.room, month, world.users["treasurer"], today=TODAY)


def freeze(world: World) -> FrozenYear:
    return closing.freeze_year(world.room, 2025, world.users["accountant"], today=TODAY)


@pytest.fixture
def frozen(year_2025: World) -> World:
    close_both(year_2025)
    freeze(year_2025)
    return year_2025


def test_a_year_with_an_open_month_is_not_frozen(year_2025: World) -> None:
    closing.close_month(
        year_2025.room, NOVEMBER, year_2025.users["treasurer"], today=TODAY
    )
    with pytest.raises(ValidationError, match="Close December 2025 first"):
        freeze(year_2025)
    assert not FrozenYear.objects.exists()


def test_a_year_that_has_not_ended_is_not_frozen(year_2025: World) -> None:
    with pytest.raises(ValidationError, match="after it has ended"):
        closing.freeze_year(
            year_2025.room,
            2026,
            year_2025.users["accountant"],
            today=TODAY,
        )


def test_a_closed_year_is_frozen_once(year_2025: World) -> None:
    close_both(year_2025)
    frozen = freeze(year_2025)
    assert (frozen.room, frozen.year) == (year_2025.room, 2025)
    assert frozen.frozen_by == year_2025.users["accountant"]
    with pytest.raises(ValidationError, match="frozen already"):
        freeze(year_2025)
    with pytest.raises(TypeError):
        frozen.delete()
    assert FrozenYear.objects.count() == 1


def test_a_fixed_cost_in_a_frozen_year_is_refused(frozen: World) -> None:
    # Fixed costs do not close with the petty-cash months; the frozen year
    # holds them too.
    with pytest.raises(ValidationError, match="2025 is frozen"):
        costs.book_fixed_cost(
            frozen.room,
            frozen.users["treasurer"],
            month=datetime.date(2025, 6, 1),
            category=FixedCostCategory.RENT,
            supplier="Woonstichting Thuis",
            invoice_reference="2025-06",
            amount=Decimal("850.00"),
        )
    assert not FixedCost.objects.exists()


def test_a_budget_of_a_frozen_year_does_not_change(frozen: World) -> None:
    with pytest.raises(ValidationError, match="2025 is frozen"):
        costs.save_budget_line(
            frozen.room, 2025, category=FixedCostCategory.RENT, amount=Decimal("1")
        )
    assert not BudgetLine.objects.exists()


def test_petty_cash_of_a_frozen_year_does_not_change(frozen: World) -> None:
    with pytest.raises(ValidationError, match="2025 is frozen"):
        services.approve_transfer(
            frozen.room, DECEMBER, Decimal("1.00"), frozen.users["treasurer"]
        )
    assert Transfer.objects.count() == 1
    assert Expense.objects.count() == 2


def test_the_next_year_stays_open(frozen: World) -> None:
    cost = costs.book_fixed_cost(
        frozen.room,
        frozen.users["treasurer"],
        month=datetime.date(2026, 1, 1),
        category=FixedCostCategory.RENT,
        supplier="Woonstichting Thuis",
        invoice_reference="2026-01",
        amount=Decimal("850.00"),
    )
    assert cost.month.year == 2026


def test_the_accountant_freezes_a_year_on_the_room_page(
    client, year_2025: World
) -> None:
    close_both(year_2025)
    client.force_login(year_2025.users["accountant"])
    url = reverse("finance:year_freeze", kwargs={"room": year_2025.room.slug})
    assert client.post(url, {"year": "2025"}).status_code == 302
    assert FrozenYear.objects.get().year == 2025
    page = client.get(reverse("finance:room", kwargs={"room": year_2025.room.slug}))
    assert "2025" in page.content.decode()


def test_a_refused_freeze_is_shown_with_status_400(client, year_2025: World) -> None:
    client.force_login(year_2025.users["accountant"])
    url = reverse("finance:year_freeze", kwargs={"room": year_2025.room.slug})
    response = client.post(url, {"year": "2025"})
    assert response.status_code == 400
    with translation.override("nl"):
        message = translation.gettext(
            "Close %(month)s first: a year is frozen when its months are closed."
        ) % {"month": "november 2025"}
    assert escape(message) in response.content.decode()
    assert not FrozenYear.objects.exists()


@pytest.mark.parametrize("role", ["treasurer", "board", "audit_committee"])
def test_only_the_accountant_freezes_a_year(client, frozen: World, role: str) -> None:
    client.force_login(frozen.users[role])
    url = reverse("finance:year_freeze", kwargs={"room": frozen.room.slug})
    assert client.post(url, {"year": "2024"}).status_code == 403
