"""The overviews of the books: the treasurer's month across all rooms, a room's
year month by month, spending per category, and their CSV and XLSX downloads,
right to the cent."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from buurtwerkkamer.finance import closing, overviews
from buurtwerkkamer.finance.constants import FixedCostCategory, TransferStatus
from buurtwerkkamer.finance.models import ClosedMonth, CooperativeAccount, RoomAllowance
from buurtwerkkamer.rooms.constants import Stage
from tests.factories import (
    BankStatementFactory,
    BankTransactionFactory,
    BudgetFactory,
    BudgetLineFactory,
    ExpenseFactory,
    FixedCostFactory,
    RoomFactory,
    TransferFactory,
)
from tests.personas import World

OCTOBER = datetime.date(2026, 10, 1)
NOVEMBER = datetime.date(2026, 11, 1)
TODAY = datetime.date(2026, 12, 3)
HOSTILE = '=HYPERLINK("http://example.com/x","klik")'


@pytest.fixture(autouse=True)
def _english() -> object:
    with translation.override("en"):
        yield


def day(month: int, number: int, year: int = 2026) -> datetime.date:
    return datetime.date(year, month, number)


@pytest.fixture
def books(world: World) -> World:
    """Home: allowance 200.00; 5.00 left from 2025; October 100.00 in, 40.01
    out, closed; November 120.00 in (100.00 sent), 40.25 out net. Elsewhere:
    250.00 in and 260.00 spent in November, no budget, nothing closed."""
    CooperativeAccount.objects.create(name="Cooperatie", iban="NL20INGB0001234567")
    home, other = world.room, world.other_room
    RoomAllowance.objects.create(room=home, monthly_amount=Decimal("200.00"))
    TransferFactory(room=home, month=day(12, 1, 2025), amount=Decimal("50.00"))
    ExpenseFactory(room=home, spent_on=day(12, 9, 2025), amount=Decimal("45.00"))
    TransferFactory(room=home, month=OCTOBER, amount=Decimal("100.00"))
    ExpenseFactory(room=home, spent_on=day(10, 9), amount=Decimal("40.01"))
    sent = {"status": TransferStatus.EXPORTED}
    TransferFactory(room=home, month=NOVEMBER, amount=Decimal("100.00"), **sent)
    TransferFactory(room=home, month=NOVEMBER, amount=Decimal("20.00"))
    cancelled = {"status": TransferStatus.CANCELLED}
    TransferFactory(room=home, month=NOVEMBER, amount=Decimal("50.00"), **cancelled)
    ExpenseFactory(room=home, spent_on=day(11, 5), amount="12.50", category="B")
    coffee = ExpenseFactory(room=home, spent_on=day(11, 20), amount="30.10")
    ExpenseFactory(room=home, spent_on=day(11, 25), amount="2.35", refund_of=coffee)
    TransferFactory(room=other, month=NOVEMBER, amount=Decimal("250.00"))
    ExpenseFactory(room=other, spent_on=day(11, 6), amount="260.00", category="F")
    return world


@pytest.fixture
def costs(books: World) -> World:
    """Home's 2026: rent 1,050.00 against 1,000.00 budgeted, utilities 300.00
    corrected to 120.00, petty cash 80.26 net against 100.00. A paused room
    paid 75.00 insurance."""
    home = books.room
    budget = BudgetFactory(room=home, year=2026)
    BudgetLineFactory(budget=budget, category="rent", amount=Decimal("1000.00"))
    BudgetLineFactory(budget=budget, category="petty_cash", amount=Decimal("100.00"))
    BudgetLineFactory(budget=BudgetFactory(room=home, year=2025), amount=Decimal(1))
    FixedCostFactory(room=home, month=NOVEMBER, amount=Decimal("850.00"))
    FixedCostFactory(room=home, month=day(3, 1), amount=Decimal("200.00"))
    FixedCostFactory(room=home, month=day(12, 1, 2025), amount=Decimal("999.00"))
    utilities = FixedCostFactory(
        room=home, category="utilities", amount=Decimal("300.00")
    )
    FixedCostFactory(
        room=home,
        category="utilities",
        amount=Decimal("120.00"),
        correction_of=utilities,
        invoice_reference=utilities.invoice_reference,
    )
    paused = RoomFactory(stage=Stage.PAUSED)
    FixedCostFactory(room=paused, category="insurance", amount=Decimal("75.00"))
    return books


def close_october(world: World) -> None:
    ClosedMonth.objects.create(
        room=world.room,
        month=OCTOBER,
        opening_balance=Decimal("5.00"),
        transfers_in=Decimal("100.00"),
        expenses_out=Decimal("40.01"),
        closing_balance=Decimal("64.99"),
        bank_balance=Decimal("64.99"),
        closed_by=world.users["treasurer"],
        closed_at=timezone.now(),
    )


def statements(world: World) -> None:
    """Bank balances: 5.00 at the end of 2025, 64.99 at the end of October, and
    for November first 140.00, then a newer import of 144.74."""
    for closed_on, balance in (
        (day(12, 31, 2025), "5.00"),
        (day(10, 31), "64.99"),
        (day(11, 30), "140.00"),
        (day(11, 30), "144.74"),
    ):
        BankStatementFactory(
            room=world.room, closing_date=closed_on, closing_balance=Decimal(balance)
        )


def row_of(report: overviews.MonthOverview, world: World, where: str) -> object:
    room = world.room if where == "home" else world.other_room
    return next(row for row in report.rows if row.room == room)


# The treasurer's month.


def test_the_month_shows_each_rooms_petty_cash_to_the_cent(books: World) -> None:
    home = row_of(overviews.month_overview(NOVEMBER), books, "home")

    assert home.allowance == Decimal("200.00")
    assert home.proposed == Decimal("15.01")
    assert home.approved == Decimal("120.00")
    assert home.sent == Decimal("100.00")
    assert home.spent == Decimal("40.25")
    assert home.cash_left == Decimal("144.74")


def test_the_cash_left_at_the_months_end_agrees_with_the_month_closing(
    books: World,
) -> None:
    home = row_of(overviews.month_overview(NOVEMBER), books, "home")

    summary = closing.month_summary(books.room, NOVEMBER)
    assert home.cash_left == summary.closing_balance


def test_only_operational_rooms_have_a_row(costs: World) -> None:
    report = overviews.month_overview(NOVEMBER)

    assert [row.room for row in report.rows] == [costs.other_room, costs.room]


def test_unmatched_bank_transactions_are_counted_per_room(books: World) -> None:
    statement = BankStatementFactory(room=books.room)
    BankTransactionFactory(statement=statement)
    BankTransactionFactory(statement=statement, amount=Decimal("100.00"))
    BankTransactionFactory(statement=statement, expense=ExpenseFactory(room=books.room))

    report = overviews.month_overview(NOVEMBER)

    assert row_of(report, books, "home").unmatched == 2
    assert row_of(report, books, "other").unmatched == 0
    assert report.unmatched == 2


def test_a_room_whose_previous_month_is_not_closed_is_flagged(books: World) -> None:
    close_october(books)

    report = overviews.month_overview(NOVEMBER)

    home, other = row_of(report, books, "home"), row_of(report, books, "other")
    assert (home.last_closed, home.previous_open) == (OCTOBER, False)
    assert (other.last_closed, other.previous_open) == (None, True)


def test_the_next_month_flags_the_month_before_it_as_open(books: World) -> None:
    close_october(books)

    home = row_of(overviews.month_overview(TODAY), books, "home")

    assert home.previous_open


def test_the_budget_use_counts_corrected_costs_and_net_petty_cash(
    costs: World,
) -> None:
    home = row_of(overviews.month_overview(NOVEMBER), costs, "home")

    assert home.budgeted == Decimal("1100.00")
    assert home.actual == Decimal("1250.26")
    assert home.budget_used == 113


def test_a_category_over_its_budget_makes_the_room_overspend(costs: World) -> None:
    home = row_of(overviews.month_overview(NOVEMBER), costs, "home")

    assert home.overspent == (
        str(FixedCostCategory.RENT.label),
        str(FixedCostCategory.UTILITIES.label),
    )
    assert not home.over_allowance
    assert home.overspends


def test_spending_more_than_the_allowance_in_a_month_is_overspending(
    costs: World,
) -> None:
    other = row_of(overviews.month_overview(NOVEMBER), costs, "other")

    assert other.spent == Decimal("260.00")
    assert other.over_allowance
    assert other.overspent == ()
    assert other.budgeted is None
    assert other.overspends


def test_a_room_within_its_budget_does_not_overspend(books: World) -> None:
    budget = BudgetFactory(room=books.room, year=2026)
    BudgetLineFactory(budget=budget, category="petty_cash", amount=Decimal("80.26"))

    home = row_of(overviews.month_overview(NOVEMBER), books, "home")

    assert home.actual == Decimal("80.26")
    assert not home.overspends


def test_the_totals_add_up_the_rooms(costs: World) -> None:
    statement = BankStatementFactory(room=costs.room)
    BankTransactionFactory(statement=statement)

    report = overviews.month_overview(NOVEMBER)

    assert report.allowance == Decimal("450.00")
    assert report.proposed == Decimal("15.01")
    assert report.approved == Decimal("370.00")
    assert report.sent == Decimal("100.00")
    assert report.spent == Decimal("300.25")
    assert report.cash_left == Decimal("134.74")
    assert report.budgeted == Decimal("1100.00")
    assert report.actual == Decimal("1510.26")
    assert (report.unmatched, report.overspending) == (1, 2)


def test_spending_per_category_covers_every_room_in_the_year(costs: World) -> None:
    report = overviews.month_overview(NOVEMBER)

    spent = {row.category: row.amount for row in report.categories}
    assert spent == {
        "salaries": Decimal("0.00"),
        "rent": Decimal("1050.00"),
        "utilities": Decimal("120.00"),
        "insurance": Decimal("75.00"),
        "phone": Decimal("0.00"),
        "other": Decimal("0.00"),
        "A": Decimal("67.76"),
        "B": Decimal("12.50"),
        "C": Decimal("0.00"),
        "D": Decimal("0.00"),
        "E": Decimal("0.00"),
        "F": Decimal("260.00"),
    }
    assert report.spending == Decimal("1585.26")


def test_the_overview_page_shows_the_chosen_month(client, costs: World) -> None:
    client.force_login(costs.users["audit_committee"])

    response = client.get(reverse("finance:overview"), {"month": "2026-11"})

    assert response.status_code == 200
    assert response.context["month"] == NOVEMBER
    home = row_of(response.context["report"], costs, "home")
    assert home.cash_left == Decimal("144.74")
    chart = response.context["chart"]
    assert chart["datasets"][0]["data"][1] == "1050.00"
    assert 'id="chart-categories"' in response.content.decode()


def test_the_overview_is_this_month_by_default(client, books: World) -> None:
    client.force_login(books.users["treasurer"])

    response = client.get(reverse("finance:overview"))

    assert response.context["month"] == timezone.localdate().replace(day=1)


def test_the_overview_asks_for_the_cooperatives_account_first(
    client, world: World
) -> None:
    client.force_login(world.users["treasurer"])

    response = client.get(reverse("finance:overview"))

    assert response.status_code == 200
    assert response.context["report"] is None
    assert response.context["missing"] == [
        translation.gettext("The cooperative's bank account has not been set up.")
    ]


def test_a_team_coordinator_does_not_see_the_overview_nor_its_download(
    client, books: World
) -> None:
    client.force_login(books.users["team_coordinator"])

    page = client.get(reverse("finance:overview"))
    download = client.get(reverse("finance:overview"), {"format": "csv"})

    assert (page.status_code, download.status_code) == (403, 403)


# A room's year.


@pytest.fixture
def year(costs: World) -> overviews.RoomYear:
    close_october(costs)
    statements(costs)
    return overviews.room_year(costs.room, 2026, TODAY)


def test_the_year_runs_from_the_balance_left_before_it(
    year: overviews.RoomYear,
) -> None:
    january = year.months[0]

    assert january.month == day(1, 1)
    assert january.opening_balance == Decimal("5.00")
    assert (january.transfers_in, january.expenses_out) == (Decimal(0), Decimal(0))
    assert january.bank_balance == Decimal("5.00")


def test_each_month_carries_its_closing_balance_to_the_next(
    year: overviews.RoomYear,
) -> None:
    october, november, december = year.months[9:]

    assert (october.opening_balance, october.closing_balance) == (
        Decimal("5.00"),
        Decimal("64.99"),
    )
    assert (november.transfers_in, november.expenses_out) == (
        Decimal("120.00"),
        Decimal("40.25"),
    )
    assert november.opening_balance == october.closing_balance
    assert december.opening_balance == november.closing_balance == Decimal("144.74")
    assert (year.transfers_in, year.expenses_out) == (
        Decimal("220.00"),
        Decimal("80.26"),
    )


def test_every_month_of_the_year_agrees_with_the_month_closing(
    year: overviews.RoomYear,
) -> None:
    for row in year.months:
        summary = closing.month_summary(year.room, row.month)
        assert (
            row.opening_balance,
            row.transfers_in,
            row.expenses_out,
            row.bank_balance,
        ) == (
            summary.opening_balance,
            summary.transfers_in,
            summary.expenses_out,
            summary.bank_balance,
        ), row.month


def test_the_bank_balance_of_a_month_is_that_of_the_newest_import(
    year: overviews.RoomYear,
) -> None:
    assert year.months[10].bank_balance == Decimal("144.74")
    assert year.months[10].reconciled
    assert year.months[11].bank_balance == Decimal("144.74")


def test_the_year_says_which_months_are_closed_and_ended(
    year: overviews.RoomYear,
) -> None:
    assert [row.closed for row in year.months] == [False] * 9 + [True, False, False]
    assert [row.ended for row in year.months] == [True] * 11 + [False]


def test_petty_cash_is_split_per_category_per_month(
    year: overviews.RoomYear,
) -> None:
    october, november = year.months[9], year.months[10]

    assert october.spending == [Decimal("40.01")] + [Decimal(0)] * 5
    assert november.spending == [Decimal("27.75"), Decimal("12.50")] + [Decimal(0)] * 4
    assert [row.amount for row in year.spending] == [
        Decimal("67.76"),
        Decimal("12.50"),
    ] + [Decimal(0)] * 4


def test_fixed_costs_are_summed_per_category_for_the_year(
    year: overviews.RoomYear,
) -> None:
    fixed = {row.category: row.amount for row in year.fixed}

    assert fixed["rent"] == Decimal("1050.00")
    assert fixed["utilities"] == Decimal("120.00")
    assert fixed["insurance"] == Decimal("0.00")
    assert year.fixed_total == Decimal("1170.00")


def test_a_room_without_a_business_account_has_no_bank_balance(
    books: World,
) -> None:
    room = RoomFactory(bank_iban="", bank_holder="")
    statements(books)

    year = overviews.room_year(room, 2026, TODAY)

    assert {row.bank_balance for row in year.months} == {None}


def room_year_url(world: World, year: int = 2026, where: str = "home") -> str:
    room = world.room if where == "home" else world.other_room
    return reverse("finance:room_year", kwargs={"room": room.slug, "year": year})


def test_the_room_year_page_shows_the_year_with_its_charts(
    client, costs: World
) -> None:
    client.force_login(costs.users["team_coordinator"])

    response = client.get(room_year_url(costs))

    assert response.status_code == 200
    assert response.context["report"].months[10].expenses_out == Decimal("40.25")
    spending = response.context["spending_chart"]["datasets"]
    assert [figures["data"][10] for figures in spending[:2]] == ["27.75", "12.50"]
    page = response.content.decode()
    for chart in ("chart-balance", "chart-spending", "chart-fixed"):
        assert f'id="{chart}"' in page


def test_a_year_the_books_cannot_hold_is_not_found(client, books: World) -> None:
    client.force_login(books.users["treasurer"])

    response = client.get(room_year_url(books, year=1999))

    assert response.status_code == 404


def test_the_room_page_links_to_its_year(client, books: World) -> None:
    client.force_login(books.users["team_coordinator"])

    response = client.get(reverse("finance:room", kwargs={"room": books.room.slug}))

    year = timezone.localdate().year
    assert room_year_url(books, year=year) in response.content.decode()


# Downloads.


def read_csv(response: object) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def read_xlsx(response: object) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def test_the_overview_downloads_as_csv_to_the_cent(client, costs: World) -> None:
    client.force_login(costs.users["treasurer"])

    response = client.get(
        reverse("finance:overview"), {"month": "2026-11", "format": "csv"}
    )

    rows = read_csv(response)
    home = next(row for row in rows if row[0] == costs.room.name)
    assert response["Content-Disposition"] == (
        'attachment; filename="overzicht-2026-11.csv"'
    )
    assert home[1:8] == ["200,00", "15,01", "120,00", "100,00", "40,25", "144,74", "0"]
    assert home[10:12] == ["1100,00", "1250,26"]
    assert rows[-1][6] == "134,74"


def test_the_overview_downloads_as_xlsx_with_amounts_as_numbers(
    client, costs: World
) -> None:
    client.force_login(costs.users["treasurer"])

    response = client.get(
        reverse("finance:overview"), {"month": "2026-11", "format": "xlsx"}
    )

    rows = read_xlsx(response)
    home = next(row for row in rows if row[0] == costs.room.name)
    assert [Decimal(str(value)) for value in home[1:7]] == [
        Decimal("200.00"),
        Decimal("15.01"),
        Decimal("120.00"),
        Decimal("100.00"),
        Decimal("40.25"),
        Decimal("144.74"),
    ]
    assert Decimal(str(rows[-1][11])) == Decimal("1510.26")


def test_a_hostile_room_name_cannot_become_a_formula_in_the_overview(
    client, books: World
) -> None:
    RoomFactory(name=HOSTILE)
    client.force_login(books.users["treasurer"])
    url = reverse("finance:overview")

    as_csv = read_csv(client.get(url, {"month": "2026-11", "format": "csv"}))
    as_xlsx = read_xlsx(client.get(url, {"month": "2026-11", "format": "xlsx"}))

    assert [row[0] for row in as_csv if "HYPERLINK" in row[0]] == ["'" + HOSTILE]
    assert [row[0] for row in as_xlsx if "HYPERLINK" in row[0]] == ["'" + HOSTILE]


def test_the_room_year_downloads_month_by_month(client, costs: World) -> None:
    close_october(costs)
    client.force_login(costs.users["treasurer"])

    as_csv = read_csv(client.get(room_year_url(costs), {"format": "csv"}))
    as_xlsx = read_xlsx(client.get(room_year_url(costs), {"format": "xlsx"}))

    assert len(as_csv) == len(as_xlsx) == 13
    assert as_csv[10][:8] == [
        "01-10-2026",
        "5,00",
        "100,00",
        "40,01",
        "64,99",
        "",
        translation.gettext("yes"),
        "40,01",
    ]
    november = as_xlsx[11]
    assert november[0].date() == NOVEMBER
    assert [Decimal(str(value)) for value in november[1:5]] == [
        Decimal("64.99"),
        Decimal("120.00"),
        Decimal("40.25"),
        Decimal("144.74"),
    ]
    assert [Decimal(str(value)) for value in november[7:9]] == [
        Decimal("27.75"),
        Decimal("12.50"),
    ]


def expenses_url(world: World, where: str = "home") -> str:
    room = world.room if where == "home" else world.other_room
    return reverse(
        "finance:room_year_expenses", kwargs={"room": room.slug, "year": 2026}
    )


def test_the_expenses_of_a_year_download_with_refunds_negative(
    client, books: World
) -> None:
    client.force_login(books.users["team_coordinator"])

    rows = read_csv(client.get(expenses_url(books)))

    assert [row[0] for row in rows[1:]] == [
        "09-10-2026",
        "05-11-2026",
        "20-11-2026",
        "25-11-2026",
    ]
    refund = rows[-1]
    assert refund[3:5] == ["-2,35", "20-11-2026 Koffie en thee"]
    assert rows[1][3:6] == ["40,01", "", translation.gettext("no")]


def test_a_hostile_description_is_defused_in_both_downloads(
    client, books: World
) -> None:
    ExpenseFactory(
        room=books.room,
        spent_on=day(11, 7),
        amount=Decimal("3.33"),
        description=HOSTILE,
        status="checked",
    )
    client.force_login(books.users["treasurer"])

    as_csv = read_csv(client.get(expenses_url(books), {"format": "csv"}))
    as_xlsx = read_xlsx(client.get(expenses_url(books), {"format": "xlsx"}))

    hostile_csv = next(row for row in as_csv if "HYPERLINK" in row[2])
    hostile_xlsx = next(row for row in as_xlsx if "HYPERLINK" in row[2])
    assert hostile_csv[2:] == [
        "'" + HOSTILE,
        "3,33",
        "",
        translation.gettext("yes"),
    ]
    assert hostile_xlsx[2] == "'" + HOSTILE
    assert Decimal(str(hostile_xlsx[3])) == Decimal("3.33")


def test_the_expenses_of_another_room_are_not_found(client, books: World) -> None:
    client.force_login(books.users["team_coordinator"])

    response = client.get(expenses_url(books, where="other"), {"format": "xlsx"})

    assert response.status_code == 404
