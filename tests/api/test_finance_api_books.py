"""Budgets and bank transactions through the API: budget lines set by the
treasurer, transactions listed and matched by hand."""

from decimal import Decimal

import pytest
from django.urls import reverse

from buurtwerkkamer.finance.models import BankTransaction, BudgetLine

from ..factories import (
    BankStatementFactory,
    BankTransactionFactory,
    BudgetLineFactory,
    CooperativeAccountFactory,
    ExpenseFactory,
    FixedCostFactory,
    FundingApplicationFactory,
    TransferFactory,
)
from ..personas import World
from .conftest import ApiFor
from .finance_helpers import TODAY, dutch

BUDGETS = reverse("api:budget-list")
BUDGET_LINES = reverse("api:budget-save-line")
TRANSACTIONS = reverse("api:banktransaction-list")
YEAR = TODAY.year + 1


def line(world: World, **fields: object) -> dict:
    return {
        "room": world.room.slug,
        "year": YEAR,
        "category": "rent",
        "amount": "10200.00",
        **fields,
    }


def uuids(response: object) -> list[str]:
    return [row["uuid"] for row in response.json()["results"]]  # type: ignore[attr-defined]


# Budgets.


def test_the_treasurer_sets_a_budget_line_with_its_funding_source(
    world: World, api_for: ApiFor
) -> None:
    source = FundingApplicationFactory(room=world.room, granted=True)
    payload = line(world, amount="10200.50", funding_source=str(source.uuid))

    response = api_for("treasurer").post(BUDGET_LINES, payload, format="json")

    body = response.json()
    assert response.status_code == 201
    assert (body["room"], body["year"]) == ("thuis", YEAR)
    assert body["lines"] == [
        {
            "uuid": str(BudgetLine.objects.get().uuid),
            "category": "rent",
            "amount": "10200.50",
            "funding_source": str(source.uuid),
            "funder": source.funder.slug,
        }
    ]


def test_the_same_category_and_source_again_changes_the_line(
    world: World, api_for: ApiFor
) -> None:
    client = api_for("treasurer")
    client.post(BUDGET_LINES, line(world), format="json")

    response = client.post(BUDGET_LINES, line(world, amount="9600.00"), format="json")

    assert [row["amount"] for row in response.json()["lines"]] == ["9600.00"]
    assert BudgetLine.objects.get().amount == Decimal("9600.00")


def test_a_negative_budgeted_amount_is_refused(world: World, api_for: ApiFor) -> None:
    response = api_for("treasurer").post(
        BUDGET_LINES, line(world, amount="-1.00"), format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"amount": [dutch("A budgeted amount is not negative.")]}
    assert not BudgetLine.objects.exists()


def test_a_funding_source_of_another_room_is_refused(
    world: World, api_for: ApiFor
) -> None:
    elsewhere = FundingApplicationFactory(room=world.other_room)
    payload = line(world, funding_source=str(elsewhere.uuid))

    response = api_for("treasurer").post(BUDGET_LINES, payload, format="json")

    message = "That funding application is of another room."
    assert response.status_code == 400
    assert response.json() == {"funding_source": [dutch(message)]}
    assert not BudgetLine.objects.exists()


def test_budgets_are_filtered_by_room_and_year(world: World, api_for: ApiFor) -> None:
    wanted = BudgetLineFactory(budget__room=world.room, budget__year=YEAR).budget
    BudgetLineFactory(budget__room=world.room, budget__year=YEAR - 1)
    BudgetLineFactory(budget__room=world.other_room, budget__year=YEAR)

    response = api_for("audit_committee").get(BUDGETS, {"room": "thuis", "year": YEAR})

    assert uuids(response) == [str(wanted.uuid)]


# Bank transactions.


@pytest.fixture
def statement(world: World) -> object:
    return BankStatementFactory(room=world.room)


def test_the_list_shows_only_what_is_unmatched_when_asked(
    world: World, statement: object, api_for: ApiFor
) -> None:
    open_row = BankTransactionFactory(statement=statement)
    BankTransactionFactory(
        statement=statement, transfer=TransferFactory(room=world.room)
    )

    response = api_for("treasurer").get(TRANSACTIONS, {"unmatched": "true"})

    assert uuids(response) == [str(open_row.uuid)]


def test_the_list_shows_one_statement_when_asked(
    world: World, statement: object, api_for: ApiFor
) -> None:
    wanted = BankTransactionFactory(statement=statement)
    BankTransactionFactory(statement__room=world.room)

    response = api_for("team_coordinator").get(
        TRANSACTIONS,
        {"statement": str(statement.uuid)},  # type: ignore[attr-defined]
    )

    assert uuids(response) == [str(wanted.uuid)]
    assert response.json()["results"][0]["amount"] == "-12.50"


def test_the_cooperative_account_is_listed_for_finance_readers_only(
    world: World, api_for: ApiFor
) -> None:
    cooperative = BankStatementFactory(
        room=None, account_iban="NL02ABNA0123456789", file__room_id_scope=None
    )
    own = BankTransactionFactory(statement=cooperative)

    treasurer = api_for("treasurer").get(TRANSACTIONS)
    coordinator = api_for("team_coordinator").get(TRANSACTIONS)

    assert uuids(treasurer) == [str(own.uuid)]
    assert uuids(coordinator) == []


def test_the_treasurer_matches_a_transaction_to_an_expense_by_hand(
    world: World, statement: object, api_for: ApiFor
) -> None:
    row = BankTransactionFactory(statement=statement, amount=Decimal("-12.60"))
    spent = ExpenseFactory(room=world.room, amount=Decimal("12.50"))
    url = reverse("api:banktransaction-match", kwargs={"uuid": row.uuid})

    response = api_for("treasurer").post(
        url, {"expense": str(spent.uuid)}, format="json"
    )

    row.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["expense"] == str(spent.uuid)
    assert response.json()["matched_by"] == world.users["treasurer"].name
    assert row.expense == spent


def test_a_matched_transaction_is_not_matched_twice(
    world: World, statement: object, api_for: ApiFor
) -> None:
    first = ExpenseFactory(room=world.room)
    row = BankTransactionFactory(statement=statement, expense=first)
    url = reverse("api:banktransaction-match", kwargs={"uuid": row.uuid})
    other = ExpenseFactory(room=world.room)

    response = api_for("treasurer").post(
        url, {"expense": str(other.uuid)}, format="json"
    )

    message = "This transaction is matched already; undo that first."
    row.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [dutch(message)]}
    assert row.expense == first


def test_the_treasurer_undoes_a_match(
    world: World, statement: object, api_for: ApiFor
) -> None:
    row = BankTransactionFactory(statement=statement, expense=ExpenseFactory())
    url = reverse("api:banktransaction-unmatch", kwargs={"uuid": row.uuid})

    response = api_for("treasurer").post(url)

    assert response.status_code == 200
    assert response.json()["expense"] is None
    assert BankTransaction.objects.get(pk=row.pk).expense is None


def test_a_coordinator_gets_403_on_matching_their_rooms_transaction(
    world: World, statement: object, api_for: ApiFor
) -> None:
    row = BankTransactionFactory(statement=statement)
    spent = ExpenseFactory(room=world.room)
    url = reverse("api:banktransaction-match", kwargs={"uuid": row.uuid})

    response = api_for("team_coordinator").post(
        url, {"expense": str(spent.uuid)}, format="json"
    )

    row.refresh_from_db()
    assert response.status_code == 403
    assert row.expense is None


def test_the_treasurer_matches_a_cooperative_debit_to_a_fixed_cost(
    world: World, api_for: ApiFor
) -> None:
    CooperativeAccountFactory(iban="NL02ABNA0123456789")
    statement = BankStatementFactory(
        room=None, account_iban="NL02ABNA0123456789", file__room_id_scope=None
    )
    row = BankTransactionFactory(
        statement=statement, room=None, amount=Decimal("-850.00")
    )
    cost = FixedCostFactory(room=world.room, amount=Decimal("850.00"))
    url = reverse("api:banktransaction-match", kwargs={"uuid": row.uuid})

    response = api_for("treasurer").post(
        url, {"fixed_cost": str(cost.uuid)}, format="json"
    )

    row.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["fixed_cost"] == str(cost.uuid)
    assert row.fixed_cost == cost
    unmatched = api_for("treasurer").get(TRANSACTIONS, {"unmatched": "true"})
    assert str(row.uuid) not in uuids(unmatched)
