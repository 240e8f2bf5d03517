"""The overviews in the browser: the treasurer opens the month across all rooms,
goes on to a room's year, and every chart is drawn by Chart.js from its figures,
without an error in the console."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import ConsoleMessage

from buurtwerkkamer.finance.models import CooperativeAccount
from buurtwerkkamer.finance.services import month_of
from tests.factories import (
    BudgetFactory,
    BudgetLineFactory,
    ExpenseFactory,
    FixedCostFactory,
    TransferFactory,
)
from tests.personas import World

from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAWN = """() => Array.from(document.querySelectorAll("canvas[data-chart]")).map(
    (canvas) => typeof Chart !== "undefined" && Chart.getChart(canvas) !== undefined
)"""


def charts_drawn(visitor: Visitor) -> list[bool]:
    return visitor.page.evaluate(DRAWN)


def test_the_treasurer_sees_the_month_and_a_rooms_year_with_charts(
    visitor: MakeVisitor, world: World
) -> None:
    month = month_of(timezone.localdate())
    CooperativeAccount.objects.create(name="Cooperatie", iban="NL20INGB0001234567")
    TransferFactory(room=world.room, month=month, amount=Decimal("250.00"))
    ExpenseFactory(room=world.room, spent_on=month, amount=Decimal("12.50"))
    ExpenseFactory(room=world.room, spent_on=month, amount="30.10", category="F")
    FixedCostFactory(room=world.room, month=month, amount=Decimal("850.00"))
    budget = BudgetFactory(room=world.room, year=month.year)
    BudgetLineFactory(budget=budget, category="rent", amount=Decimal("800.00"))

    treasurer = visitor()
    errors: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    treasurer.page.on("console", console)
    treasurer.sign_in(world.users["treasurer"])
    treasurer.open(reverse("finance:overview"))

    assert charts_drawn(treasurer) == [True]
    rooms = treasurer.main("section[aria-labelledby=h-rooms]").inner_text()
    assert "207,40" in rooms
    year_page = reverse(
        "finance:room_year", kwargs={"room": world.room.slug, "year": month.year}
    )
    treasurer.follow(year_page)

    assert treasurer.page.url == treasurer.base_url + year_page
    assert charts_drawn(treasurer) == [True, True, True]
    spending = treasurer.main("section[aria-labelledby=h-spending]").inner_text()
    assert "42,60" in spending
    assert errors == []


def test_a_month_without_the_cooperatives_account_shows_no_chart(
    visitor: MakeVisitor, world: World
) -> None:
    treasurer = visitor()
    treasurer.sign_in(world.users["treasurer"])
    treasurer.open(
        f"{reverse('finance:overview')}?month={datetime.date(2026, 1, 1):%Y-%m}"
    )

    assert charts_drawn(treasurer) == []
    assert treasurer.main("[role=alert]").count() == 1
