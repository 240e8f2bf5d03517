"""Fixed costs and budgets (DESIGN.md section 5): the service rules and the pages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.employer.models import Contract
from buurtwerkkamer.finance import costs
from buurtwerkkamer.finance.constants import PETTY_CASH, FixedCostCategory
from buurtwerkkamer.finance.models import FixedCost
from tests.employer.factories import ContractFactory
from tests.factories import (
    ExpenseFactory,
    FixedCostFactory,
    FixedCostTemplateFactory,
    FundingApplicationFactory,
)
from tests.personas import World

MONTH = datetime.date(2027, 3, 1)


@pytest.fixture(autouse=True)
def _english() -> object:
    # The messages are compared in their English source form.
    with translation.override("en"):
        yield


def book(world: World, **overrides: object) -> FixedCost:
    values: dict = {
        "month": MONTH,
        "category": FixedCostCategory.RENT,
        "supplier": "Woonstichting Thuis",
        "invoice_reference": "F-2027-031",
        "amount": Decimal("850.00"),
        **overrides,
    }
    return costs.book_fixed_cost(world.room, world.users["treasurer"], **values)


def refused(world: World, **overrides: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        book(world, **overrides)
    return caught.value.messages


# Booking.


def test_a_fixed_cost_is_booked_for_the_room_and_month(world: World) -> None:
    cost = book(world, contract_reference="ARB-7")

    assert (cost.room, cost.month, cost.amount) == (
        world.room,
        MONTH,
        Decimal("850.00"),
    )
    assert cost.contract_reference == "ARB-7"
    assert cost.booked_by == world.users["treasurer"]


@pytest.mark.parametrize("amount", ["0", "-0.01", "-850"])
def test_an_amount_of_zero_or_less_is_refused(world: World, amount: str) -> None:
    assert refused(world, amount=Decimal(amount)) == [
        "The amount must be more than zero."
    ]
    assert not FixedCost.objects.exists()


def test_a_month_not_given_by_its_first_day_is_refused(world: World) -> None:
    messages = refused(world, month=datetime.date(2027, 3, 15))

    assert messages == ["A month starts on its first day."]


def test_a_petty_cash_category_is_refused_for_a_fixed_cost(world: World) -> None:
    assert refused(world, category="A") == ["That is not a category of fixed costs."]
    assert refused(world, category=PETTY_CASH) == [
        "That is not a category of fixed costs."
    ]


def test_an_invoice_of_the_same_supplier_is_refused_as_a_double(
    world: World,
) -> None:
    book(world)

    messages = refused(
        world, supplier=" woonstichting thuis ", invoice_reference="f-2027-031"
    )

    assert messages == ["This invoice of this supplier was booked before."]
    assert FixedCost.objects.count() == 1


def test_the_same_reference_of_another_supplier_is_booked(world: World) -> None:
    book(world)
    book(world, supplier="Energie BV", category=FixedCostCategory.UTILITIES)

    assert FixedCost.objects.count() == 2


def test_an_invoice_document_is_stored_as_an_invoice(world: World) -> None:
    upload = SimpleUploadedFile("factuur.pdf", b"%PDF-1.4\n1 0 obj\n%%EOF\n")

    cost = book(world, document=upload)

    assert cost.document is not None
    assert cost.document.kind == DocumentKind.INVOICE
    assert cost.document.room_id_scope == world.room.pk


# Corrections.


def test_a_correction_is_a_new_entry_and_keeps_the_original(world: World) -> None:
    original = book(world)

    correction = costs.correct_fixed_cost(
        original, Decimal("800.00"), "Huurverlaging", world.users["treasurer"]
    )

    original.refresh_from_db()
    assert original.amount == Decimal("850.00")
    assert correction.correction_of == original
    assert correction.amount == Decimal("800.00")
    assert correction.invoice_reference == original.invoice_reference
    assert list(costs.current(FixedCost.objects.all())) == [correction]


def test_an_entry_is_corrected_once_and_then_through_its_correction(
    world: World,
) -> None:
    original = book(world)
    treasurer = world.users["treasurer"]
    correction = costs.correct_fixed_cost(original, Decimal("800"), "a", treasurer)

    with pytest.raises(ValidationError):
        costs.correct_fixed_cost(original, Decimal("700"), "b", treasurer)
    again = costs.correct_fixed_cost(correction, Decimal("0"), "Dubbel", treasurer)

    assert again.amount == Decimal("0")
    assert FixedCost.objects.count() == 3


def test_a_correction_needs_a_reason_and_no_negative_amount(world: World) -> None:
    original = book(world)
    treasurer = world.users["treasurer"]

    with pytest.raises(ValidationError):
        costs.correct_fixed_cost(original, Decimal("800"), "  ", treasurer)
    with pytest.raises(ValidationError):
        costs.correct_fixed_cost(original, Decimal("-1"), "Fout", treasurer)
    assert FixedCost.objects.count() == 1


# Templates.


def test_templates_generate_each_month_once(world: World) -> None:
    FixedCostTemplateFactory(room=world.room, from_month=datetime.date(2027, 1, 1))
    FixedCostTemplateFactory(
        room=world.other_room,
        from_month=datetime.date(2027, 1, 1),
        until_month=datetime.date(2027, 2, 1),
    )
    FixedCostTemplateFactory(room=world.room, from_month=datetime.date(2027, 4, 1))
    treasurer = world.users["treasurer"]

    first = costs.generate_from_templates(MONTH, treasurer)
    second = costs.generate_from_templates(MONTH, treasurer)

    assert [cost.room for cost in first] == [world.room]
    assert second == []
    assert FixedCost.objects.filter(month=MONTH).count() == 1


def test_a_corrected_generated_cost_is_not_generated_again(world: World) -> None:
    FixedCostTemplateFactory(room=world.room, from_month=datetime.date(2027, 1, 1))
    treasurer = world.users["treasurer"]
    [generated] = costs.generate_from_templates(MONTH, treasurer)
    costs.correct_fixed_cost(generated, Decimal("10"), "Lager", treasurer)

    assert costs.generate_from_templates(MONTH, treasurer) == []


# Budget against actuals.


def test_budget_against_actuals_is_right_to_the_cent(world: World) -> None:
    room, treasurer = world.room, world.users["treasurer"]
    fund = FundingApplicationFactory(
        room=room,
        granted=True,
        amount_granted=Decimal("12000.00"),
        period_start=datetime.date(2027, 1, 1),
    )
    costs.save_budget_line(
        room, 2027, category="rent", amount=Decimal("10200.00"), funding_source=fund
    )
    costs.save_budget_line(room, 2027, category=PETTY_CASH, amount=Decimal("3000"))
    # Saving the same category and source again changes the line.
    costs.save_budget_line(room, 2027, category=PETTY_CASH, amount=Decimal("2999.99"))
    rent = book(world, amount=Decimal("850.10"))
    book(world, invoice_reference="F-2027-041", amount=Decimal("850.10"))
    costs.correct_fixed_cost(rent, Decimal("850.05"), "Afronding", treasurer)
    FixedCostFactory(room=room, month=datetime.date(2026, 12, 1))
    FixedCostFactory(room=world.other_room, month=MONTH)
    coffee = ExpenseFactory(room=room, spent_on=datetime.date(2027, 2, 3))
    ExpenseFactory(room=room, spent_on=datetime.date(2027, 2, 4), amount=Decimal("0.1"))
    ExpenseFactory(
        room=room,
        spent_on=datetime.date(2027, 2, 5),
        amount=Decimal("2.2"),
        refund_of=coffee,
    )
    ExpenseFactory(room=room, spent_on=datetime.date(2026, 12, 30))

    report = costs.budget_against_actuals(room, 2027)

    rows = {row.category: row for row in report.categories}
    assert (rows["rent"].budgeted, rows["rent"].actual) == (
        Decimal("10200.00"),
        Decimal("1700.15"),
    )
    assert rows["rent"].difference == Decimal("8499.85")
    assert rows[PETTY_CASH].actual == Decimal("10.40")
    assert rows[PETTY_CASH].difference == Decimal("2989.59")
    assert rows["utilities"].actual == Decimal("0.00")
    assert report.actual == Decimal("1710.55")
    sources = {row.source: row for row in report.sources}
    assert sources[fund].granted == Decimal("12000.00")
    assert sources[fund].assigned == Decimal("10200.00")
    assert sources[fund].unassigned == Decimal("1800.00")
    assert sources[None].assigned == Decimal("2999.99")


def test_a_funding_source_of_another_room_is_refused(world: World) -> None:
    elsewhere = FundingApplicationFactory(room=world.other_room, granted=True)

    with pytest.raises(ValidationError):
        costs.save_budget_line(
            world.room,
            2027,
            category="rent",
            amount=Decimal("1"),
            funding_source=elsewhere,
        )


def test_budget_against_actuals_takes_the_same_queries_for_more_data(
    world: World,
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            costs.budget_against_actuals(world.room, 2027)
        return len(captured)

    few = count()
    for n in range(5):
        fund = FundingApplicationFactory(room=world.room, granted=True)
        costs.save_budget_line(
            world.room, 2027, category="rent", amount=Decimal(n), funding_source=fund
        )
        FixedCostFactory(room=world.room, month=MONTH)
        ExpenseFactory(room=world.room, spent_on=datetime.date(2027, 5, 1))

    assert count() == few


# Pages.


def test_the_treasurer_books_a_fixed_cost_through_the_page(
    client, world: World
) -> None:
    client.force_login(world.users["treasurer"])
    url = reverse("finance:fixed_cost_book", kwargs={"room": world.room.slug})

    response = client.post(
        url,
        {
            "month": "2027-03",
            "category": "rent",
            "supplier": "Woonstichting Thuis",
            "invoice_reference": "F-1",
            "amount": "850.00",
        },
    )

    assert response.status_code == 302
    assert FixedCost.objects.get().amount == Decimal("850.00")
    page = client.get(response["Location"])
    assert "EUR 850,00" in page.content.decode()


def test_a_double_invoice_comes_back_to_the_form_with_the_message(
    client, world: World
) -> None:
    book(world)
    client.force_login(world.users["treasurer"])
    url = reverse("finance:fixed_cost_book", kwargs={"room": world.room.slug})

    response = client.post(
        url,
        {
            "month": "2027-03",
            "category": "rent",
            "supplier": "Woonstichting Thuis",
            "invoice_reference": "F-2027-031",
            "amount": "850.00",
        },
    )

    assert response.status_code == 400
    assert FixedCost.objects.count() == 1


def test_a_coordinator_may_not_book_a_fixed_cost(client, world: World) -> None:
    client.force_login(world.users["team_coordinator"])
    url = reverse("finance:fixed_cost_book", kwargs={"room": world.room.slug})

    response = client.post(
        url,
        {
            "month": "2027-03",
            "category": "rent",
            "supplier": "X",
            "invoice_reference": "1",
            "amount": "1.00",
        },
    )

    assert response.status_code == 403
    assert not FixedCost.objects.exists()


def test_the_coach_reads_the_fixed_costs_without_booking_links(
    client, world: World
) -> None:
    book(world)
    client.force_login(world.users["project_coach"])

    response = client.get(
        reverse("finance:fixed_costs", kwargs={"room": world.room.slug}),
        {"jaar": 2027},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Woonstichting Thuis" in html
    assert reverse("finance:fixed_cost_book", kwargs={"room": "thuis"}) not in html


def test_the_treasurer_corrects_through_the_page(client, world: World) -> None:
    original = book(world)
    client.force_login(world.users["treasurer"])
    url = reverse("finance:fixed_cost_correct", kwargs={"cost": original.uuid})

    response = client.post(url, {"amount": "800.00", "reason": "Huurverlaging"})

    assert response.status_code == 302
    assert original.corrections.get().amount == Decimal("800.00")


def test_the_treasurer_generates_the_month_through_the_page(
    client, world: World
) -> None:
    FixedCostTemplateFactory(room=world.room, from_month=datetime.date(2027, 1, 1))
    client.force_login(world.users["treasurer"])
    url = reverse("finance:fixed_cost_generate")

    client.post(url, {"month": "2027-03"})
    client.post(url, {"month": "2027-03", "next": "https://example.com/"})

    assert FixedCost.objects.filter(month=MONTH).count() == 1


def test_the_treasurer_adds_a_template_through_the_page(client, world: World) -> None:
    client.force_login(world.users["treasurer"])
    url = reverse(
        "finance:fixed_cost_template_create", kwargs={"room": world.room.slug}
    )

    response = client.post(
        url,
        {
            "category": "utilities",
            "supplier": "Energie BV",
            "amount": "120.00",
            "from_month": "2027-01",
        },
    )

    assert response.status_code == 302
    assert world.room.fixed_cost_templates.get().from_month == datetime.date(2027, 1, 1)


def test_the_treasurer_sets_a_budget_line_and_sees_it_against_actuals(
    client, world: World
) -> None:
    book(world, amount=Decimal("1234.56"))
    client.force_login(world.users["treasurer"])
    url = reverse("finance:budget_line", kwargs={"room": world.room.slug})

    response = client.post(
        url, {"year": "2027", "category": "rent", "amount": "10000.00"}
    )
    page = client.get(response["Location"]).content.decode()

    assert response.status_code == 302
    assert "EUR 10.000,00" in page
    assert "EUR 1.234,56" in page
    assert "EUR 8.765,44" in page


def test_the_audit_committee_reads_the_budget_but_may_not_change_it(
    client, world: World
) -> None:
    client.force_login(world.users["audit_committee"])
    budget = reverse("finance:budget", kwargs={"room": world.room.slug})
    line = reverse("finance:budget_line", kwargs={"room": world.room.slug})

    assert client.get(budget).status_code == 200
    response = client.post(line, {"year": "2027", "category": "rent", "amount": "1"})
    assert response.status_code == 403


# Salaries and fees link to the contract they pay (employer app).


def salary_contract(world: World, **changes: object) -> Contract:
    values: dict = {
        "rooms": [world.room],
        "starts_on": datetime.date(2027, 1, 1),
        "ends_on": datetime.date(2027, 12, 31),
    } | changes
    return ContractFactory(**values)


def test_a_salary_is_booked_on_its_contract_and_corrected_with_it(
    world: World,
) -> None:
    contract = salary_contract(world)
    cost = book(world, category=FixedCostCategory.SALARIES, contract=contract)
    correction = costs.correct_fixed_cost(
        cost, Decimal("3100.00"), "Loonstrook", world.users["treasurer"]
    )
    assert list(contract.fixed_costs.order_by("pk")) == [cost, correction]


@pytest.mark.parametrize(
    ("category", "changes"),
    [
        (FixedCostCategory.RENT, {}),
        (FixedCostCategory.SALARIES, {"volunteer": True}),
        (FixedCostCategory.SALARIES, {"starts_on": datetime.date(2027, 4, 1)}),
        (FixedCostCategory.SALARIES, {"rooms": None}),
    ],
)
def test_a_contract_the_cost_cannot_pay_is_refused(
    world: World, category: str, changes: dict
) -> None:
    if changes.get("rooms", 1) is None:
        changes = {"rooms": [world.other_room]}
    contract = salary_contract(world, **changes)
    with pytest.raises(ValidationError) as caught:
        book(world, category=category, contract=contract)
    assert "contract" in caught.value.message_dict
    assert FixedCost.objects.count() == 0
