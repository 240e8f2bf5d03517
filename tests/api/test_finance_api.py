"""Fixed costs, petty-cash transfers and expenses through the API, under the rules
the pages keep: right to the cent, closed months closed, the cap held."""

from decimal import Decimal

import pytest
from django.urls import reverse

from buurtwerkkamer.core.money import format_eur
from buurtwerkkamer.finance.constants import ExpenseStatus
from buurtwerkkamer.finance.models import (
    CooperativeAccount,
    Expense,
    FixedCost,
    Transfer,
)

from ..factories import (
    CooperativeAccountFactory,
    ExpenseFactory,
    FixedCostFactory,
    TransferFactory,
)
from ..personas import World
from .conftest import ApiFor
from .finance_helpers import (
    BEFORE_LAST,
    LAST_MONTH,
    NEXT_MONTH,
    THIS_MONTH,
    TODAY,
    close,
    dutch,
    month_name,
    receipt,
)

FIXED_COSTS = reverse("api:fixedcost-list")
TRANSFERS = reverse("api:transfer-list")
EXPENSES = reverse("api:expense-list")
CLOSED = "The month %(month)s is closed: it cannot change any more."
MORE_THAN_ZERO = "The amount must be more than zero."


@pytest.fixture
def account(db: None) -> CooperativeAccount:
    return CooperativeAccountFactory()


@pytest.fixture
def cash(world: World, account: CooperativeAccount) -> Transfer:
    """EUR 250 petty cash in the home room, transferred the month before last."""
    return TransferFactory(room=world.room, month=BEFORE_LAST)


def invoice(world: World, **fields: str) -> dict:
    return {
        "room": world.room.slug,
        "month": f"{THIS_MONTH:%Y-%m}",
        "category": "utilities",
        "supplier": "Eneco",
        "invoice_reference": "2026-0042",
        "amount": "1234.56",
        **fields,
    }


def expense(world: World, **fields: object) -> dict:
    return {
        "room": world.room.slug,
        "spent_on": TODAY.isoformat(),
        "amount": "17.35",
        "description": "Koffie en melk",
        "category": "A",
        "receipt": receipt(),
        **fields,
    }


# Fixed costs.


def test_the_treasurer_books_a_fixed_cost_to_the_cent(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("treasurer").post(FIXED_COSTS, invoice(world), format="json")

    cost = FixedCost.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert response.json()["amount"] == "1234.56"
    assert (cost.amount, cost.month) == (Decimal("1234.56"), THIS_MONTH)
    assert cost.booked_by == world.users["treasurer"]


def test_a_fixed_cost_comes_with_its_invoice_as_multipart(
    world: World, api_for: ApiFor
) -> None:
    payload = invoice(world, document=receipt(name="factuur.png"))

    response = api_for("treasurer").post(FIXED_COSTS, payload, format="multipart")

    cost = FixedCost.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert response.json()["document"] == str(cost.document.uuid)


def test_a_fixed_cost_in_a_closed_month_is_refused_and_nothing_is_booked(
    world: World, api_for: ApiFor
) -> None:
    close(world, world.room, LAST_MONTH)
    payload = invoice(world, month=f"{LAST_MONTH:%Y-%m}")

    response = api_for("treasurer").post(FIXED_COSTS, payload, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [dutch(CLOSED, month=month_name(LAST_MONTH))]
    }
    assert not FixedCost.objects.exists()


def test_a_negative_fixed_cost_is_refused(world: World, api_for: ApiFor) -> None:
    payload = invoice(world, amount="-10.00")

    response = api_for("treasurer").post(FIXED_COSTS, payload, format="json")

    assert response.status_code == 400
    assert response.json() == {"amount": [dutch(MORE_THAN_ZERO)]}
    assert not FixedCost.objects.exists()


def test_a_correction_is_a_new_entry_and_the_original_stays(
    world: World, api_for: ApiFor
) -> None:
    original = FixedCostFactory(room=world.room, month=THIS_MONTH)
    url = reverse("api:fixedcost-correct", kwargs={"uuid": original.uuid})
    client = api_for("treasurer")

    response = client.post(
        url, {"amount": "812.40", "reason": "Huurverlaging"}, format="json"
    )
    detail = client.get(reverse("api:fixedcost-detail", kwargs={"uuid": original.uuid}))

    original.refresh_from_db()
    assert response.status_code == 201
    assert response.json()["amount"] == "812.40"
    assert response.json()["correction_of"] == str(original.uuid)
    assert original.amount == Decimal("850.00")
    assert detail.json()["corrected_by"] == response.json()["uuid"]


def test_a_coordinator_gets_403_on_correcting_a_fixed_cost(
    world: World, api_for: ApiFor
) -> None:
    original = FixedCostFactory(room=world.room)
    url = reverse("api:fixedcost-correct", kwargs={"uuid": original.uuid})

    response = api_for("team_coordinator").post(
        url, {"amount": "1.00", "reason": "Fout"}, format="json"
    )

    assert response.status_code == 403
    assert FixedCost.objects.count() == 1


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_fixed_cost_is_never_changed_in_place_or_deleted(
    method: str, world: World, api_for: ApiFor
) -> None:
    cost = FixedCostFactory(room=world.room)
    url = reverse("api:fixedcost-detail", kwargs={"uuid": cost.uuid})

    response = getattr(api_for("treasurer"), method)(
        url, {"amount": "1.00"}, format="json"
    )

    cost.refresh_from_db()
    assert response.status_code == 405
    assert cost.amount == Decimal("850.00")


def test_fixed_costs_are_filtered_by_room_month_and_category(
    world: World, api_for: ApiFor
) -> None:
    wanted = FixedCostFactory(room=world.room, month=LAST_MONTH, category="rent")
    FixedCostFactory(room=world.room, month=THIS_MONTH, category="rent")
    FixedCostFactory(room=world.room, month=LAST_MONTH, category="insurance")
    FixedCostFactory(room=world.other_room, month=LAST_MONTH, category="rent")
    query = {"room": "thuis", "month": f"{LAST_MONTH:%Y-%m}", "category": "rent"}

    response = api_for("treasurer").get(FIXED_COSTS, query)

    assert [row["uuid"] for row in response.json()["results"]] == [str(wanted.uuid)]


def test_a_bad_filter_is_a_400(world: World, api_for: ApiFor) -> None:
    response = api_for("treasurer").get(FIXED_COSTS, {"month": "november"})

    assert response.status_code == 400
    assert list(response.json()) == ["month"]


# Transfers.


def test_the_treasurer_approves_a_transfer_to_the_cent(
    world: World, account: CooperativeAccount, api_for: ApiFor
) -> None:
    payload = {"room": "thuis", "month": f"{NEXT_MONTH:%Y-%m}", "amount": "180.25"}

    response = api_for("treasurer").post(TRANSFERS, payload, format="json")

    transfer = Transfer.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert response.json()["amount"] == "180.25"
    assert (transfer.amount, transfer.month) == (Decimal("180.25"), NEXT_MONTH)
    assert transfer.creditor_iban == world.room.bank_iban


def test_a_second_transfer_above_the_allowance_is_refused(
    world: World, account: CooperativeAccount, api_for: ApiFor
) -> None:
    client = api_for("treasurer")
    month = f"{NEXT_MONTH:%Y-%m}"
    client.post(
        TRANSFERS, {"room": "thuis", "month": month, "amount": "200.00"}, format="json"
    )

    response = client.post(
        TRANSFERS, {"room": "thuis", "month": month, "amount": "50.01"}, format="json"
    )

    message = "That is more than the allowance: at most %(left)s is left this month."
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [dutch(message, left=format_eur(Decimal("50.00")))]
    }
    assert Transfer.objects.filter(room=world.room).count() == 1


def test_a_negative_transfer_is_refused(
    world: World, account: CooperativeAccount, api_for: ApiFor
) -> None:
    payload = {"room": "thuis", "month": f"{NEXT_MONTH:%Y-%m}", "amount": "-250.00"}

    response = api_for("treasurer").post(TRANSFERS, payload, format="json")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [dutch(MORE_THAN_ZERO)]}
    assert not Transfer.objects.exists()


def test_a_transfer_for_a_closed_month_is_refused(
    world: World, account: CooperativeAccount, api_for: ApiFor
) -> None:
    close(world, world.room, LAST_MONTH)
    payload = {"room": "thuis", "month": f"{LAST_MONTH:%Y-%m}", "amount": "10.00"}

    response = api_for("treasurer").post(TRANSFERS, payload, format="json")

    assert response.status_code == 400
    assert not Transfer.objects.exists()


def test_transfers_are_filtered_by_month(world: World, api_for: ApiFor) -> None:
    wanted = TransferFactory(room=world.room, month=LAST_MONTH)
    TransferFactory(room=world.room, month=THIS_MONTH)

    response = api_for("accountant").get(TRANSFERS, {"month": f"{LAST_MONTH:%Y-%m}"})

    assert [row["uuid"] for row in response.json()["results"]] == [str(wanted.uuid)]


# Expenses.


def test_a_coordinator_records_an_expense_with_a_photo_of_the_receipt(
    world: World, cash: Transfer, api_for: ApiFor
) -> None:
    response = api_for("team_coordinator").post(
        EXPENSES, expense(world), format="multipart"
    )

    recorded = Expense.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert response.json()["amount"] == "17.35"
    assert recorded.amount == Decimal("17.35")
    assert response.json()["receipt"] == str(recorded.receipt.uuid)
    assert recorded.recorded_by == world.users["team_coordinator"]


def test_a_coordinator_of_another_room_gets_404_on_recording_an_expense(
    world: World, cash: Transfer, elders_coordinator: str, api_for: ApiFor
) -> None:
    response = api_for(elders_coordinator).post(
        EXPENSES, expense(world), format="multipart"
    )

    assert response.status_code == 404
    assert not Expense.objects.exists()


def test_an_expense_in_a_closed_month_is_refused_and_nothing_is_recorded(
    world: World, cash: Transfer, api_for: ApiFor
) -> None:
    close(world, world.room, LAST_MONTH)
    payload = expense(world, spent_on=LAST_MONTH.replace(day=5).isoformat())

    response = api_for("team_coordinator").post(EXPENSES, payload, format="multipart")

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [dutch(CLOSED, month=month_name(LAST_MONTH))]
    }
    assert not Expense.objects.exists()


def test_a_negative_expense_is_refused(
    world: World, cash: Transfer, api_for: ApiFor
) -> None:
    payload = expense(world, amount="-17.35")

    response = api_for("team_coordinator").post(EXPENSES, payload, format="multipart")

    assert response.status_code == 400
    assert response.json() == {"amount": [dutch(MORE_THAN_ZERO)]}
    assert not Expense.objects.exists()


def test_an_expense_above_the_cash_left_is_refused(
    world: World, cash: Transfer, api_for: ApiFor
) -> None:
    payload = expense(world, amount="250.01")

    response = api_for("team_coordinator").post(EXPENSES, payload, format="multipart")

    message = "Only %(left)s petty cash is left."
    assert response.status_code == 400
    assert response.json() == {
        "amount": [dutch(message, left=format_eur(Decimal("250.00")))]
    }
    assert not Expense.objects.exists()


def test_a_refund_is_a_new_entry_pointing_to_the_expense(
    world: World, api_for: ApiFor
) -> None:
    spent = ExpenseFactory(room=world.room, spent_on=TODAY, amount=Decimal("40.00"))
    url = reverse("api:expense-refund", kwargs={"uuid": spent.uuid})

    response = api_for("team_coordinator").post(
        url, {"amount": "12.99", "reason": "Teruggebracht"}, format="json"
    )

    spent.refresh_from_db()
    assert response.status_code == 201
    assert response.json()["amount"] == "12.99"
    assert response.json()["refund_of"] == str(spent.uuid)
    assert spent.amount == Decimal("40.00")


def test_a_refund_above_what_was_spent_is_refused(
    world: World, api_for: ApiFor
) -> None:
    spent = ExpenseFactory(room=world.room, spent_on=TODAY, amount=Decimal("40.00"))
    url = reverse("api:expense-refund", kwargs={"uuid": spent.uuid})

    response = api_for("team_coordinator").post(
        url, {"amount": "40.01", "reason": "Teruggebracht"}, format="json"
    )

    message = "A refund is more than zero and at most what was spent."
    assert response.status_code == 400
    assert response.json() == {"amount": [dutch(message)]}
    assert not Expense.objects.filter(refund_of=spent).exists()


def test_the_treasurer_checks_an_expense(world: World, api_for: ApiFor) -> None:
    spent = ExpenseFactory(room=world.room)
    url = reverse("api:expense-check", kwargs={"uuid": spent.uuid})

    response = api_for("treasurer").post(url, {"approve": True}, format="json")

    spent.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["status"] == ExpenseStatus.CHECKED
    assert spent.checked_by == world.users["treasurer"]


def test_querying_an_expense_needs_a_remark(world: World, api_for: ApiFor) -> None:
    spent = ExpenseFactory(room=world.room)
    url = reverse("api:expense-check", kwargs={"uuid": spent.uuid})

    response = api_for("treasurer").post(url, {"approve": False}, format="json")

    spent.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {"remark": [dutch("Say what is wrong with it.")]}
    assert spent.status == ExpenseStatus.RECORDED


def test_a_coordinator_gets_403_on_checking_their_own_expense(
    world: World, api_for: ApiFor
) -> None:
    spent = ExpenseFactory(room=world.room)
    url = reverse("api:expense-check", kwargs={"uuid": spent.uuid})

    response = api_for("team_coordinator").post(url, {"approve": True}, format="json")

    spent.refresh_from_db()
    assert response.status_code == 403
    assert spent.status == ExpenseStatus.RECORDED


def test_expenses_are_filtered_by_month_and_category(
    world: World, api_for: ApiFor
) -> None:
    wanted = ExpenseFactory(room=world.room, spent_on=LAST_MONTH, category="C")
    ExpenseFactory(room=world.room, spent_on=LAST_MONTH, category="A")
    ExpenseFactory(room=world.room, spent_on=THIS_MONTH, category="C")
    query = {"month": f"{LAST_MONTH:%Y-%m}", "category": "C"}

    response = api_for("team_coordinator").get(EXPENSES, query)

    assert [row["uuid"] for row in response.json()["results"]] == [str(wanted.uuid)]


def test_a_list_comes_in_pages_of_50(world: World, api_for: ApiFor) -> None:
    ExpenseFactory.create_batch(51, room=world.room)

    first = api_for("treasurer").get(EXPENSES).json()
    second = api_for("treasurer").get(EXPENSES, {"page": 2}).json()

    assert (first["count"], len(first["results"])) == (51, 50)
    assert len(second["results"]) == 1
    assert second["previous"] is not None
