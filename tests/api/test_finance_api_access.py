"""Who may list, read and write each finance resource of the API, per persona:
outsiders get 404, members without the right 403, as on the pages."""

from collections.abc import Callable

import pytest
from django.db.models import Model
from django.urls import reverse

from buurtwerkkamer.finance.models import (
    BankTransaction,
    BudgetLine,
    CooperativeAccount,
    Expense,
    FixedCost,
    Transfer,
)
from buurtwerkkamer.rooms.models import Room

from ..factories import (
    BankTransactionFactory,
    BudgetLineFactory,
    CooperativeAccountFactory,
    ExpenseFactory,
    FixedCostFactory,
    TransferFactory,
)
from ..personas import World
from .conftest import ApiFor
from .finance_helpers import BEFORE_LAST, NEXT_MONTH, THIS_MONTH, TODAY, receipt

RECORDS: dict[str, Callable[[Room], Model]] = {
    "budget": lambda room: BudgetLineFactory(budget__room=room).budget,
    "fixedcost": lambda room: FixedCostFactory(room=room),
    "transfer": lambda room: TransferFactory(room=room),
    "expense": lambda room: ExpenseFactory(room=room),
    "banktransaction": lambda room: BankTransactionFactory(statement__room=room),
}
FINANCE_READERS = ["board", "treasurer", "audit_committee", "accountant"]
ROOM_STAFF = ["team_coordinator", "project_coach"]
NO_FINANCE = ["volunteer", "partner"]
OUTSIDERS = ["elders_coordinator", "nobody"]


@pytest.fixture(autouse=True)
def _elders(elders_coordinator: str) -> None:
    """Every test here knows the coordinator of the other room."""


@pytest.fixture(autouse=True)
def _account(db: None) -> CooperativeAccount:
    return CooperativeAccountFactory()


def sees(role: str) -> set[str]:
    if role in FINANCE_READERS:
        return {"thuis", "elders"}
    if role in ROOM_STAFF:
        return {"thuis"}
    return {"elders"} if role == "elders_coordinator" else set()


@pytest.mark.parametrize("basename", RECORDS)
@pytest.mark.parametrize("role", FINANCE_READERS + ROOM_STAFF + NO_FINANCE + OUTSIDERS)
def test_a_list_shows_the_rooms_whose_finance_the_persona_reads(
    basename: str, role: str, world: World, api_for: ApiFor
) -> None:
    RECORDS[basename](world.room)
    RECORDS[basename](world.other_room)

    response = api_for(role).get(reverse(f"api:{basename}-list"))

    assert response.status_code == 200
    assert {row["room"] for row in response.json()["results"]} == sees(role)


DETAIL = {
    **dict.fromkeys(FINANCE_READERS + ROOM_STAFF, 200),
    **dict.fromkeys(NO_FINANCE, 403),
    **dict.fromkeys(OUTSIDERS, 404),
}


@pytest.mark.parametrize("basename", RECORDS)
@pytest.mark.parametrize(("role", "status"), DETAIL.items())
def test_a_record_of_the_home_room_answers_each_persona_as_the_page_does(
    basename: str, role: str, status: int, world: World, api_for: ApiFor
) -> None:
    record = RECORDS[basename](world.room)
    url = reverse(f"api:{basename}-detail", kwargs={"uuid": record.uuid})

    response = api_for(role).get(url)

    assert response.status_code == status


# Writing: one valid request per resource, and where it lands.

Payload = Callable[[World], dict]


def fixed_cost(world: World) -> dict:
    return {
        "room": "thuis",
        "month": f"{THIS_MONTH:%Y-%m}",
        "category": "rent",
        "supplier": "Woonin",
        "invoice_reference": "H-2026-12",
        "amount": "850.00",
    }


def transfer(world: World) -> dict:
    return {"room": "thuis", "month": f"{NEXT_MONTH:%Y-%m}", "amount": "250.00"}


def budget_line(world: World) -> dict:
    return {"room": "thuis", "year": TODAY.year, "category": "rent", "amount": "1.00"}


def expense(world: World) -> dict:
    TransferFactory(room=world.room, month=BEFORE_LAST)
    return {
        "room": "thuis",
        "spent_on": TODAY.isoformat(),
        "amount": "9.99",
        "description": "Schoonmaakmiddel",
        "category": "D",
        "receipt": receipt(),
    }


WRITES: dict[str, tuple[str, Payload, type[Model], list[str]]] = {
    "fixed cost": ("api:fixedcost-list", fixed_cost, FixedCost, ["treasurer"]),
    "transfer": ("api:transfer-list", transfer, Transfer, ["treasurer"]),
    "budget line": ("api:budget-save-line", budget_line, BudgetLine, ["treasurer"]),
    "expense": (
        "api:expense-list",
        expense,
        Expense,
        ["treasurer", "team_coordinator"],
    ),
}
EVERYONE = FINANCE_READERS + ROOM_STAFF + NO_FINANCE + OUTSIDERS


def expected_write(role: str, writers: list[str]) -> int:
    if role in writers:
        return 201
    return 404 if role in OUTSIDERS else 403


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("role", EVERYONE)
def test_only_the_persona_with_the_right_writes_and_others_change_nothing(
    write: str, role: str, world: World, api_for: ApiFor
) -> None:
    url_name, payload, model, writers = WRITES[write]
    before = model.objects.count()

    response = api_for(role).post(reverse(url_name), payload(world), format="multipart")

    written = model.objects.count() - before
    assert response.status_code == expected_write(role, writers)
    assert written == (1 if role in writers else 0)


def unmatched_row(world: World) -> BankTransaction:
    return BankTransactionFactory(statement__room=world.room)


ACTIONS: dict[str, tuple[str, Callable[[World], Model], Payload, int]] = {
    "correct a fixed cost": (
        "api:fixedcost-correct",
        lambda world: FixedCostFactory(room=world.room, month=THIS_MONTH),
        lambda world: {"amount": "800.00", "reason": "Korting"},
        201,
    ),
    "check an expense": (
        "api:expense-check",
        lambda world: ExpenseFactory(room=world.room),
        lambda world: {"approve": True},
        200,
    ),
    "match a transaction": (
        "api:banktransaction-match",
        unmatched_row,
        lambda world: {"expense": str(ExpenseFactory(room=world.room).uuid)},
        200,
    ),
}


@pytest.mark.parametrize("name", ACTIONS)
@pytest.mark.parametrize("role", EVERYONE)
def test_only_the_treasurer_corrects_checks_and_matches(
    name: str, role: str, world: World, api_for: ApiFor
) -> None:
    url_name, build, payload, done = ACTIONS[name]
    url = reverse(url_name, kwargs={"uuid": build(world).uuid})

    response = api_for(role).post(url, payload(world), format="json")

    refused = 404 if role in OUTSIDERS else 403
    assert response.status_code == (done if role == "treasurer" else refused)
