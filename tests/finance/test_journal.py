"""The journal for the accountant (issue 3, item 8): a year's entries as an XML
Auditfile Financieel 3.2 valid against its schema, as CSV, and the trial balance
on its page, right to the cent."""

import csv
import datetime
import io
from collections.abc import Iterator
from decimal import Decimal
from uuid import uuid4

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from buurtwerkkamer.core.money import format_eur
from buurtwerkkamer.finance.constants import (
    BatchStatus,
    ExpenseCategory,
    FixedCostCategory,
    TransferStatus,
)
from buurtwerkkamer.finance.journal import balances, entries, exports, ledger, xaf
from buurtwerkkamer.finance.models import CooperativeAccount, FixedCost
from tests.factories import (
    BankStatementFactory,
    BankTransactionFactory,
    ExpenseFactory,
    FixedCostFactory,
    SepaBatchFactory,
    TransferFactory,
)
from tests.personas import World
from tests.samples import SAMPLES

XSD = (
    SAMPLES
    / "xsd"
    / "OCA+l10n-netherlands"
    / "365a7fc"
    / "XmlAuditfileFinancieel3.2.xsd"
)
NS = {"x": xaf.NAMESPACE}
YEAR = 2026
TODAY = datetime.date(2027, 1, 15)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    # The schema sits in an AGPL repository: it is read from the shared samples,
    # never copied into ours.
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def assert_valid(xml: bytes, schema: etree.XMLSchema) -> etree._Element:
    root = etree.fromstring(xml)
    assert schema.validate(root), schema.error_log
    return root


def auditfile(year: int = YEAR) -> bytes:
    return xaf.auditfile(
        year,
        entries.journal(*entries.year_range(year)),
        company_name="BuurtWerkKamer Coöperatie U.A.",
        created=TODAY,
        bank_iban="NL20INGB0001234567",
    )


def day(month: int, number: int = 1) -> datetime.date:
    return datetime.date(YEAR, month, number)


@pytest.fixture
def books(world: World) -> World:
    """March: 250.00 and 187.35 sent to two rooms; 12.50 (A) and 30.10 (B) spent,
    2.35 of that refunded. Rent 850.00 in January, utilities 120.45 in February,
    corrected to 100.00 in March."""
    CooperativeAccount.objects.create(
        name="BuurtWerkKamer Cooperatie UA", iban="NL20INGB0001234567"
    )
    room, other = world.room, world.other_room
    batch = SepaBatchFactory(status=BatchStatus.EXPORTED, execution_date=day(3, 2))
    sent = {"status": TransferStatus.EXPORTED, "batch": batch, "month": day(3)}
    TransferFactory(room=room, amount=Decimal("250.00"), **sent)
    TransferFactory(room=other, amount=Decimal("187.35"), **sent)
    ExpenseFactory(room=room, spent_on=day(3, 5), amount=Decimal("12.50"))
    meal = ExpenseFactory(
        room=room,
        spent_on=day(3, 10),
        amount=Decimal("30.10"),
        category=ExpenseCategory.B,
        description="Soep voor de buurtmaaltijd",
    )
    ExpenseFactory(
        room=room,
        spent_on=day(3, 12),
        amount=Decimal("2.35"),
        category=ExpenseCategory.B,
        refund_of=meal,
        reason="Statiegeld",
    )
    FixedCostFactory(
        room=room,
        month=day(1),
        category=FixedCostCategory.RENT,
        supplier="Woonstad",
        invoice_reference="W-2026-01",
        amount=Decimal("850.00"),
    )
    power = FixedCostFactory(
        room=room,
        month=day(2),
        category=FixedCostCategory.UTILITIES,
        supplier="Eneco",
        invoice_reference="E-7",
        amount=Decimal("120.45"),
    )
    FixedCostFactory(
        room=room,
        month=day(3),
        category=FixedCostCategory.UTILITIES,
        supplier="Eneco",
        invoice_reference="E-7",
        amount=Decimal("100.00"),
        correction_of=power,
        reason="Creditnota",
    )
    return world


@pytest.fixture
def outside_the_year(books: World) -> World:
    """Records the year's journal leaves out: another year, a transfer approved
    but not sent."""
    ExpenseFactory(room=books.room, spent_on=datetime.date(2025, 12, 31))
    FixedCostFactory(room=books.room, month=datetime.date(2027, 1, 1))
    TransferFactory(room=books.room, month=day(4), amount=Decimal("99.00"))
    return books


EXPECTED = {
    "1100": (Decimal("0.00"), Decimal("437.35")),
    "1200": (Decimal("439.70"), Decimal("42.60")),
    "1600": (Decimal("120.45"), Decimal("1070.45")),
    "4100": (Decimal("850.00"), Decimal("0.00")),
    "4110": (Decimal("220.45"), Decimal("120.45")),
    "4510": (Decimal("12.50"), Decimal("0.00")),
    "4520": (Decimal("30.10"), Decimal("2.35")),
}


def nonzero(rows: list[balances.Balance]) -> dict[str, tuple[Decimal, Decimal]]:
    return {
        row.account.number: (row.debit, row.credit)
        for row in rows
        if row.debit or row.credit
    }


# The journal.


def test_the_auditfile_of_a_year_validates_against_the_xaf_schema(
    books: World, schema: etree.XMLSchema
) -> None:
    root = assert_valid(auditfile(), schema)

    assert root.findtext("x:header/x:fiscalYear", namespaces=NS) == "2026"
    assert root.findtext("x:header/x:curCode", namespaces=NS) == "EUR"
    assert len(root.findall(".//x:transaction", NS)) == 8


def test_every_transaction_debits_what_it_credits(books: World) -> None:
    journal = entries.journal(*entries.year_range(YEAR))

    assert [entry.total(ledger.DEBIT) for entry in journal] == [
        entry.total(ledger.CREDIT) for entry in journal
    ]
    assert all(entry.balanced for entry in journal)


def test_the_trial_balance_per_account_is_exact(books: World) -> None:
    rows = balances.trial_balance(*entries.year_range(YEAR))

    assert nonzero(rows) == EXPECTED
    assert balances.totals(rows) == (Decimal("1673.20"), Decimal("1673.20"))


def test_the_trial_balance_equals_the_totals_of_the_journal_lines(
    outside_the_year: World,
) -> None:
    start, end = entries.year_range(YEAR)

    from_lines = balances.balances_of(entries.journal(start, end))

    assert from_lines == balances.trial_balance(start, end)
    assert nonzero(from_lines) == EXPECTED


def test_the_auditfile_totals_are_those_of_its_lines(
    books: World, schema: etree.XMLSchema
) -> None:
    root = assert_valid(auditfile(), schema)

    lines = root.findall(".//x:trLine", NS)
    debit = [Decimal(line.findtext("x:amnt", namespaces=NS)) for line in lines]
    sides = [line.findtext("x:amntTp", namespaces=NS) for line in lines]
    transactions = root.find("x:company/x:transactions", NS)
    assert transactions.findtext("x:linesCount", namespaces=NS) == str(len(lines))
    assert transactions.findtext("x:totalDebit", namespaces=NS) == "1673.20"
    assert transactions.findtext("x:totalCredit", namespaces=NS) == "1673.20"
    assert sum(a for a, s in zip(debit, sides, strict=True) if s == "D") == Decimal(
        "1673.20"
    )


def test_records_outside_the_year_or_not_sent_are_left_out(
    outside_the_year: World,
) -> None:
    journal = entries.journal(*entries.year_range(YEAR))

    assert len(journal) == 8
    assert {entry.day.year for entry in journal} == {YEAR}


def test_a_transfer_debits_the_rooms_petty_cash_on_the_execution_date(
    books: World,
) -> None:
    journal = entries.journal(*entries.year_range(YEAR))

    bank = [entry for entry in journal if entry.journal == ledger.BANK_JOURNAL]
    first = bank[0].lines
    assert [entry.day for entry in bank] == [day(3, 2), day(3, 2)]
    assert [(line.account, line.side, line.amount) for line in first] == [
        (ledger.PETTY_CASH, "D", Decimal("250.00")),
        (ledger.BANK, "C", Decimal("250.00")),
    ]
    assert {line.room_code for line in first} == {"thuis"}


def test_a_paid_fixed_cost_settles_the_creditor_from_the_bank(
    books: World, schema: etree.XMLSchema
) -> None:
    rent = FixedCost.objects.get(invoice_reference="W-2026-01")
    statement = BankStatementFactory(
        room=None, account_iban="NL20INGB0001234567", file__room_id_scope=None
    )
    BankTransactionFactory(
        statement=statement,
        room=None,
        booking_date=day(1, 28),
        amount=Decimal("-850.00"),
        bank_reference="BNK-RENT-1",
        fixed_cost=rent,
    )
    start, end = entries.year_range(YEAR)

    journal = entries.journal(start, end)
    paid = [entry for entry in journal if entry.lines[0].document == "BNK-RENT-1"]

    assert [
        (line.account.number, line.side, line.amount) for line in paid[0].lines
    ] == [
        ("1600", ledger.DEBIT, Decimal("850.00")),
        ("1100", ledger.CREDIT, Decimal("850.00")),
    ]
    assert (paid[0].journal, paid[0].day) == (ledger.BANK_JOURNAL, day(1, 28))
    assert balances.balances_of(journal) == balances.trial_balance(start, end)
    totals = nonzero(balances.trial_balance(start, end))
    assert totals["1600"] == (Decimal("970.45"), Decimal("1070.45"))
    assert totals["1100"] == (Decimal("0.00"), Decimal("1287.35"))
    assert_valid(auditfile(), schema)


def test_a_refund_books_the_reverse_of_its_expense(books: World) -> None:
    journal = entries.journal(*entries.year_range(YEAR))

    refund = [entry for entry in journal if entry.day == day(3, 12)][0]
    meals = ledger.PETTY_CASH_COSTS["B"]
    assert [(line.account, line.side, line.amount) for line in refund.lines] == [
        (ledger.PETTY_CASH, "D", Decimal("2.35")),
        (meals, "C", Decimal("2.35")),
    ]
    assert refund.description == gettext("Refund of %(expense)s: %(reason)s") % {
        "expense": "Soep voor de buurtmaaltijd",
        "reason": "Statiegeld",
    }


def test_a_correction_reverses_what_it_corrects_and_books_the_new_amount(
    books: World,
) -> None:
    journal = entries.journal(*entries.year_range(YEAR))

    correction = [
        entry
        for entry in journal
        if entry.journal == ledger.PURCHASE_JOURNAL and entry.day == day(3)
    ][0]
    power = ledger.FIXED_COSTS["utilities"]
    assert [(line.account, line.side, line.amount) for line in correction.lines] == [
        (ledger.CREDITORS, "D", Decimal("120.45")),
        (power, "C", Decimal("120.45")),
        (power, "D", Decimal("100.00")),
        (ledger.CREDITORS, "C", Decimal("100.00")),
    ]
    assert correction.description == gettext(
        "Correction of %(booking)s of %(month)s: %(reason)s"
    ) % {"booking": "Eneco E-7", "month": "02-2026", "reason": "Creditnota"}
    assert {line.document for line in correction.lines} == {"E-7"}


def test_transactions_are_numbered_per_journal_in_date_order(books: World) -> None:
    journal = entries.journal(*entries.year_range(YEAR))

    numbers = [(entry.journal.code, entry.number, entry.day) for entry in journal]
    assert (
        numbers
        == [
            ("BNK", "000001", day(3, 2)),
            ("BNK", "000002", day(3, 2)),
            ("KAS", "000001", day(3, 5)),
            ("KAS", "000002", day(3, 10)),
            ("KAS", "000003", day(3, 12)),
            ("INK", "000001", day(1)),
            ("INK", "000002", day(2)),
            ("INK", "000003", day(3)),
        ][: len(numbers)]
    )
    assert len(numbers) == 8


def test_fixed_cost_lines_name_their_supplier_listed_in_the_auditfile(
    books: World, schema: etree.XMLSchema
) -> None:
    root = assert_valid(auditfile(), schema)

    listed = root.xpath(
        "x:company/x:customersSuppliers/x:customerSupplier/x:custSupID/text()",
        namespaces=NS,
    )
    used = set(root.xpath(".//x:trLine/x:custSupID/text()", namespaces=NS))
    assert sorted(listed) == sorted(used)
    assert sorted(listed) == sorted(
        [xaf.supplier_id("Eneco"), xaf.supplier_id("Woonstad")]
    )


def test_an_empty_year_still_validates(db: None, schema: etree.XMLSchema) -> None:
    root = assert_valid(auditfile(2031), schema)

    assert root.findtext(".//x:linesCount", namespaces=NS) == "0"
    assert len(root.findall(".//x:ledgerAccount", NS)) == len(ledger.CHART)
    assert len(root.findall(".//x:period", NS)) == 12


HOSTILE = [
    "<script>alert('x')</script>",
    "Koffie & thee > melk",
    "Bel\x07 met\x1b[31m rood\r\nen\ttab",
    "x" * 500,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_descriptions_still_validate(
    books: World, schema: etree.XMLSchema, text: str
) -> None:
    # Reasons are texts of any length; the other fields as long as they may be.
    spent = ExpenseFactory(room=books.room, spent_on=day(6), description=text[:200])
    ExpenseFactory(room=books.room, spent_on=day(6), refund_of=spent, reason=text)
    cost = FixedCostFactory(
        room=books.room, month=day(6), supplier=text[:120], description=text[:200]
    )
    FixedCostFactory(
        room=books.room,
        month=day(7),
        supplier=cost.supplier,
        invoice_reference=cost.invoice_reference,
        correction_of=cost,
        reason=text,
    )

    root = assert_valid(auditfile(), schema)

    descriptions = root.xpath(".//x:trLine/x:desc/text()", namespaces=NS)
    refund = gettext("Refund of %(expense)s: %(reason)s") % {
        "expense": text[:200],
        "reason": text,
    }
    assert descriptions.count(xaf.clean(refund)) == 2


def test_control_characters_and_lengths_are_cleaned_before_writing(
    schema: etree.XMLSchema,
) -> None:
    row = {
        "uuid": uuid4(),
        "month": day(5),
        "category": "other",
        "supplier": "\x00Leverancier\x0b " + "y" * 300,
        "invoice_reference": "F\x00-" + "9" * 1200,
        "description": "\ufffeomschrijving\x1f",
        "amount": Decimal("10.00"),
        "reason": "",
        "correction_of_id": None,
        "room_code": "r" * 80,
        "room_name": "Kamer",
    }
    entry = entries.numbered([entries.fixed_cost_entry(row)])

    xml = xaf.auditfile(YEAR, entry, company_name="C\x00oop", created=TODAY)

    root = assert_valid(xml, schema)
    assert root.findtext(".//x:companyName", namespaces=NS) == "C oop"
    assert len(root.findtext(".//x:custSupName", namespaces=NS)) == 50
    assert len(root.findtext(".//x:trLine/x:costID", namespaces=NS)) == 35
    assert len(root.findtext(".//x:trLine/x:docRef", namespaces=NS)) == 999


# The CSV.


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_holds_every_line_with_exact_amounts(books: World) -> None:
    journal = entries.journal(*entries.year_range(YEAR))

    from buurtwerkkamer.core.exports import csv_bytes

    table = read_csv(csv_bytes(exports.header(), exports.rows(journal)))

    assert table[0] == exports.header()
    assert table[1] == [
        "02-03-2026",
        "BNK",
        "000001",
        "1200",
        "Handgeld buurtwerkkamers",
        "Kamer Thuis",
        gettext("Petty cash %(month)s for %(room)s")
        % {"month": "03-2026", "room": "Kamer Thuis"},
        "250,00",
        "",
        table[1][9],
    ]
    assert table[1][9].startswith("BWK-")
    debit = sum(Decimal(row[7].replace(",", ".")) for row in table[1:] if row[7])
    credit = sum(Decimal(row[8].replace(",", ".")) for row in table[1:] if row[8])
    assert (len(table) - 1, debit, credit) == (18, Decimal("1673.20"), credit)
    assert credit == Decimal("1673.20")


# The page and the downloads.


def test_the_accountant_sees_the_trial_balance(client, books: World) -> None:
    client.force_login(books.users["accountant"])

    page = client.get(reverse("finance:journal"), {"jaar": YEAR})

    assert page.status_code == 200
    body = page.content.decode()
    assert body.count(format_eur(Decimal("1673.20"))) == 2
    assert format_eur(Decimal("-950.00")) in body
    assert reverse("finance:journal_xaf", kwargs={"year": YEAR}) in body


def test_the_accountant_downloads_the_auditfile(
    client, books: World, schema: etree.XMLSchema
) -> None:
    client.force_login(books.users["accountant"])

    response = client.get(reverse("finance:journal_xaf", kwargs={"year": YEAR}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert 'filename="auditfile-2026.xaf"' in response["Content-Disposition"]
    root = assert_valid(response.content, schema)
    assert root.findtext(".//x:totalDebit", namespaces=NS) == "1673.20"
    assert root.findtext(".//x:bankAccNr", namespaces=NS) == "NL20INGB0001234567"


def test_the_accountant_downloads_the_csv(client, books: World) -> None:
    client.force_login(books.users["accountant"])

    response = client.get(reverse("finance:journal_csv", kwargs={"year": YEAR}))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert len(read_csv(response.content)) == 19


JOURNAL_URLS = [
    ("finance:journal", {}),
    ("finance:journal_xaf", {"year": YEAR}),
    ("finance:journal_csv", {"year": YEAR}),
]


@pytest.mark.parametrize(("name", "kwargs"), JOURNAL_URLS)
@pytest.mark.parametrize(
    "role", ["treasurer", "board", "audit_committee", "accountant"]
)
def test_those_who_read_the_finance_open_the_journal(
    client, books: World, role: str, name: str, kwargs: dict
) -> None:
    client.force_login(books.users[role])

    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), JOURNAL_URLS)
def test_a_team_coordinator_is_refused_the_journal(
    client, books: World, name: str, kwargs: dict
) -> None:
    client.force_login(books.users["team_coordinator"])

    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), JOURNAL_URLS)
def test_a_partner_is_not_told_the_journal_exists(
    client, books: World, name: str, kwargs: dict
) -> None:
    client.force_login(books.users["partner"])

    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_a_year_outside_the_books_is_not_found(client, books: World) -> None:
    client.force_login(books.users["accountant"])

    url = reverse("finance:journal_xaf", kwargs={"year": 99999})

    assert client.get(url).status_code == 404


def add_a_year_of_records(world: World) -> None:
    batch = SepaBatchFactory(status=BatchStatus.EXPORTED, execution_date=day(5, 2))
    for month in range(1, 13):
        TransferFactory(
            room=world.other_room,
            month=day(month),
            status=TransferStatus.EXPORTED,
            batch=batch,
        )
        expense = ExpenseFactory(room=world.other_room, spent_on=day(month, 9))
        ExpenseFactory(
            room=world.other_room,
            spent_on=day(month, 10),
            amount=Decimal("1.00"),
            refund_of=expense,
        )
        cost = FixedCostFactory(room=world.other_room, month=day(month))
        FixedCostFactory(
            room=world.other_room,
            month=day(month),
            correction_of=cost,
            invoice_reference=cost.invoice_reference,
            supplier=cost.supplier,
            amount=Decimal("800.00"),
        )


@pytest.mark.parametrize(("name", "kwargs"), JOURNAL_URLS)
def test_the_journal_keeps_its_number_of_queries(
    client, books: World, django_assert_max_num_queries, name: str, kwargs: dict
) -> None:
    client.force_login(books.users["accountant"])
    url = reverse(name, kwargs=kwargs)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, {"jaar": YEAR}).status_code == 200

    add_a_year_of_records(books)

    with django_assert_max_num_queries(len(small)):
        assert client.get(url, {"jaar": YEAR}).status_code == 200


# Any amounts keep the books balanced.

amounts = st.decimals(
    min_value=Decimal("0.01"),
    max_value=Decimal("9999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def _room() -> dict[str, str]:
    return {"room_code": "thuis", "room_name": "Kamer Thuis"}


def transfer_row(amount: Decimal) -> dict:
    return {
        "amount": amount,
        "month": day(4),
        "end_to_end_id": "BWK-1",
        "day": day(4, 2),
        **_room(),
    }


def expense_row(amount: Decimal, refund: bool) -> dict:
    return {
        "uuid": uuid4(),
        "spent_on": day(4, 3),
        "amount": amount,
        "description": "Koffie",
        "category": "A",
        "reason": "",
        "refund_of_id": 1 if refund else None,
        "expense": "Koffie",
        **_room(),
    }


def cost_row(amount: Decimal, previous: Decimal | None) -> dict:
    return {
        "uuid": uuid4(),
        "month": day(4),
        "category": "rent",
        "supplier": "Woonstad",
        "invoice_reference": "",
        "description": "",
        "amount": amount,
        "reason": "Creditnota",
        "correction_of_id": None if previous is None else 1,
        "previous_uuid": uuid4(),
        "previous_month": day(3),
        "previous_amount": previous,
        **_room(),
    }


@settings(max_examples=40)
@given(
    transfers=st.lists(amounts, max_size=5),
    expenses=st.lists(st.tuples(amounts, st.booleans()), max_size=5),
    costs=st.lists(st.tuples(amounts, st.none() | amounts), max_size=5),
)
def test_any_amounts_keep_the_journal_balanced(
    schema: etree.XMLSchema,
    transfers: list[Decimal],
    expenses: list[tuple[Decimal, bool]],
    costs: list[tuple[Decimal, Decimal | None]],
) -> None:
    journal = entries.numbered(
        [
            *(entries.transfer_entry(transfer_row(a)) for a in transfers),
            *(entries.expense_entry(expense_row(a, r)) for a, r in expenses),
            *(entries.fixed_cost_entry(cost_row(a, p)) for a, p in costs),
        ]
    )

    assert all(entry.balanced for entry in journal)
    debit, credit = balances.totals(balances.balances_of(journal))
    assert debit == credit
    root = assert_valid(
        xaf.auditfile(YEAR, journal, company_name="Coop", created=TODAY), schema
    )
    assert root.findtext(".//x:totalDebit", namespaces=NS) == f"{debit:.2f}"
