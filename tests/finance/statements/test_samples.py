"""Every public sample statement file is read, or refused with a clear message."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from buurtwerkkamer.finance.statements import (
    Statement,
    StatementError,
    check_chain,
    parse_statement_file,
)
from tests.samples import SAMPLES

# Files that are refused, with a word the message must contain and why.
REFUSED = {
    # GrpHdr but no <Stmt>: nothing to import.
    "camt053/genkgo+camt/camt053.v2.wrong.xml": "no statements",
    # A second message that stops after its :20: line.
    "mt940/fruitl00p+php-mt940/Rabo/sample2": "incomplete",
    # Only a :20: line, no balances.
    "mt940/wolph+mt940/betterplace/empty_line.sta": "not a bank statement",
    # Starts mid-statement: no :20:.
    "mt940/wolph+mt940/betterplace/missing_crlf_at_end.sta": "not a bank statement",
    "mt940/wolph+mt940/self-provided/empty_non_swift.sta": "not a bank statement",
    "mt940/wolph+mt940/self-provided/invalid_statement.sta": "not a bank statement",
}

# ING's example repeats one placeholder bank reference in both messages; a real
# export would not, but the importer must not rely on it blindly (see report).
SHARED_BANK_REFERENCES = {
    "mt940/gingerpayments+python-libmt94x/ming-ing-provided-example-multiple-messages.txt"
}

# (statements, entries) per file, from MANIFEST.md.
COUNTS = {
    "camt053/genkgo+camt/camt053.v2.multi.statement.xml": (2, 2),
    "camt053/genkgo+camt/camt053.v8.xml": (1, 1),
    "camt053/genkgo+camt/camt53.only-Dt-with-DtTm.xml": (1, 0),
    "camt053/mpdroog+invoiced/CAMT053.xml": (132, 9),
    "camt053/newinnovations+camt053/example-camt053-a.xml": (2, 11),
    "camt053/newinnovations+camt053/example-camt053-b.xml": (1, 19),
    "camt053/newinnovations+camt053/test-camt053.xml": (1, 2),
    "mt940/dovadi+mt940/MT940_voorbeeldbestanden_abnamro.txt": (13, 13),
    "mt940/dovadi+mt940/abnamro.txt": (2, 10),
    "mt940/dovadi+mt940/triodos_sepa.txt": (2, 8),
    "mt940/fruitl00p+php-mt940/Abn/sample": (4, 5),
    "mt940/fruitl00p+php-mt940/Asn/sample": (7, 3),
    "mt940/fruitl00p+php-mt940/Bunq/sample": (1, 111),
    "mt940/fruitl00p+php-mt940/Rabo/sample": (39, 39),
    "mt940/wolph+mt940/ASNB/mt940.txt": (31, 8),
    "mt940/wolph+mt940/ASNB/mt940_with_spaces_for_entry_date.txt": (31, 8),
    "mt940/zilverline+mt940/ing/mt940_iban.txt": (1, 21),
    "mt940/zilverline+mt940/knab/knab_empty.txt": (1, 0),
    "mt940/zilverline+mt940/knab/knab_two_blocks.txt": (2, 3),
    "mt940/zilverline+mt940/rabobank.txt": (23, 11),
    "mt940/zilverline+mt940/sns/sns.txt": (16, 4),
    "mt940/zilverline+mt940/two_accounts.txt": (4, 3),
    "mt940/zilverline+mt940/van_lanschot/van_lanschot.txt": (3, 4),
    "csv/denilsonsa+abn-amro-statement-parser/TXT_SAMPLE.TAB": (5, 26),
}

# MANIFEST says "balances reconcile: yes"; the "NO" ones must be reported.
RECONCILING = [
    "camt053/genkgo+camt/camt053.v2.multi.statement.xml",
    "camt053/mpdroog+invoiced/CAMT053.xml",
    "camt053/newinnovations+camt053/example-camt053-a.xml",
    "camt053/newinnovations+camt053/test-camt053.xml",
    "mt940/fruitl00p+php-mt940/Asn/sample",
    "mt940/fruitl00p+php-mt940/Bunq/sample",
    "mt940/fruitl00p+php-mt940/Triodos/sample",
    "mt940/wolph+mt940/ASNB/mt940.txt",
    "mt940/zilverline+mt940/rabobank.txt",
]
NOT_RECONCILING = [
    "camt053/genkgo+camt/camt053.v2.all-balance-types.xml",
    "camt053/genkgo+camt/camt053.v2.five.decimals.xml",
    "camt053/genkgo+camt/camt053.v2.minimal.xml",
    "camt053/genkgo+camt/camt053.v3.xml",
    "camt053/genkgo+camt/camt053.v4.xml",
    "camt053/genkgo+camt/camt053.v8.xml",
    "camt053/newinnovations+camt053/error-camt053.xml",
    "csv/denilsonsa+abn-amro-statement-parser/TXT_SAMPLE.TAB",
]


def _all_samples() -> list[str]:
    return sorted(
        str(path.relative_to(SAMPLES))
        for kind in ("camt053", "mt940", "csv")
        for path in (SAMPLES / kind).rglob("*")
        if path.is_file()
    )


def _parse(name: str) -> list[Statement]:
    return parse_statement_file((SAMPLES / name).read_bytes(), Path(name).name)


def test_the_samples_folder_is_there() -> None:
    assert len(_all_samples()) > 100


@pytest.mark.parametrize("name", _all_samples())
def test_every_sample_is_read_or_refused_with_a_reason(name: str) -> None:
    if name in REFUSED:
        with pytest.raises(StatementError, match=REFUSED[name]):
            _parse(name)
        return
    statements = _parse(name)
    assert statements
    for statement in statements:
        assert statement.account
        for entry in statement.entries:
            assert entry.bank_reference
            assert entry.amount == entry.amount.quantize(Decimal("0.01"))
    references = [(s.account, e.bank_reference) for s in statements for e in s.entries]
    if name not in SHARED_BANK_REFERENCES:
        assert len(references) == len(set(references)), "de-duplication keys collide"


@pytest.mark.parametrize(("name", "counts"), sorted(COUNTS.items()))
def test_statement_and_entry_counts_match_the_manifest(
    name: str, counts: tuple[int, int]
) -> None:
    statements = _parse(name)

    assert (len(statements), sum(len(s.entries) for s in statements)) == counts


@pytest.mark.parametrize("name", RECONCILING)
def test_files_whose_balances_add_up_give_no_chain_problems(name: str) -> None:
    assert check_chain(_parse(name)) == []


@pytest.mark.parametrize("name", NOT_RECONCILING)
def test_files_whose_balances_do_not_add_up_are_reported(name: str) -> None:
    assert check_chain(_parse(name))


def test_error_camt053_reports_the_closing_balance_it_expected() -> None:
    problems = check_chain(_parse("camt053/newinnovations+camt053/error-camt053.xml"))

    assert len(problems) == 1
    assert "950.00" in problems[0] and "900.00" in problems[0]


def test_multi_statement_camt_chains_from_18_15_to_20_00() -> None:
    first, second = _parse("camt053/genkgo+camt/camt053.v2.multi.statement.xml")

    assert (first.opening_balance, first.closing_balance) == (
        Decimal("18.15"),
        Decimal("27.00"),
    )
    assert (second.opening_balance, second.closing_balance) == (
        Decimal("27.00"),
        Decimal("20.00"),
    )


def test_three_decimal_amounts_keep_their_exact_value() -> None:
    (statement,) = _parse("camt053/genkgo+camt/camt053.v2.five.decimals.xml")

    assert statement.opening_balance == Decimal("18.15")
    assert statement.closing_balance == Decimal("27.05")
    assert statement.entries[0].amount == Decimal("8.85")


def test_balance_date_holding_a_timestamp_is_read() -> None:
    (statement,) = _parse("camt053/genkgo+camt/camt53.only-Dt-with-DtTm.xml")

    assert statement.opening_balance == Decimal("5442.09")
    assert statement.opening_date == date(2025, 7, 23)
    assert statement.currency == "RON"


def test_camt_v8_nested_status_and_party_are_read() -> None:
    (statement,) = _parse("camt053/genkgo+camt/camt053.v8.xml")
    entry = statement.entries[0]

    assert statement.account == "NL26VAYB8060476890"
    assert entry.amount == Decimal("8.85")
    assert entry.bank_reference == "AAAASESS-FP-CN_98765/01"
    assert entry.end_to_end_id == "MUELL/FINP/RA12345"
    assert entry.counterparty_name == "NAME NAME"
    assert entry.booking_date == date(2014, 12, 31)
    assert entry.value_date == date(2015, 1, 2)


def test_rabobank_camt_payment_to_tax_office_keeps_its_payment_reference() -> None:
    statements = _parse("camt053/mpdroog+invoiced/CAMT053.xml")
    (entry,) = [e for s in statements for e in s.entries if e.creditor_reference]

    assert entry.counterparty_name == "Belastingdienst Apeldoorn"
    assert entry.amount == Decimal("-4076.00")
    assert entry.creditor_reference == "1067931951601240"


def test_camt_debit_gives_the_creditor_as_counterparty() -> None:
    (statement,) = _parse("camt053/newinnovations+camt053/test-camt053.xml")
    entry = statement.entries[0]

    assert entry.amount == Decimal("-100.00")
    assert entry.counterparty_name == "Some Shop B.V."
    assert entry.counterparty_iban == "NL00ABNA0000000001"
    assert entry.end_to_end_id == "E2E-001"
    assert entry.bank_reference == "REF001"


def test_asn_counterparty_on_the_line_after_61_is_read() -> None:
    statements = _parse("mt940/fruitl00p+php-mt940/Asn/sample")
    entry = statements[0].entries[0]

    assert statements[0].account == "NL53ASNB0781269733"
    assert entry.amount == Decimal("-2000.00")
    assert entry.counterparty_iban == "NL29INGB0006475121"
    assert entry.counterparty_name == "j blom"
    assert "Salaris december 2019" in entry.remittance


def test_triodos_sub_fields_are_joined_into_the_description() -> None:
    statements = _parse("mt940/fruitl00p+php-mt940/Triodos/sample")
    entry = statements[0].entries[0]

    assert statements[0].account == "TRIODOSBANK/0666666666"
    assert entry.counterparty_iban == "0666666666"
    assert entry.remittance.startswith("TENAAMSTELLING TEGENREKENING EN ADRES")


def test_ing_structured_details_give_name_iban_and_bank_reference() -> None:
    (statement,) = _parse("mt940/zilverline+mt940/ing/mt940_iban.txt")
    entry = statement.entries[0]

    assert entry.amount == Decimal("-192.36")
    assert entry.counterparty_name == "B Bert"
    assert entry.counterparty_iban == "NL57ABNA0876543211"
    assert entry.bank_reference == "14237654096217"


def test_rabobank_tax_payment_keeps_end_to_end_id_and_creditor_reference() -> None:
    (statement,) = _parse(
        "mt940/zilverline+mt940/rabobank_mt940_structured_dutch_tax.txt"
    )
    entry = statement.entries[0]

    assert entry.end_to_end_id == "123456789"
    assert entry.counterparty_name == "Belastingdienst"
    assert entry.creditor_reference == "1234567899874563"


def test_abn_amro_sepa_details_are_read() -> None:
    (statement,) = _parse("mt940/dovadi+mt940/abnamro_sepa.txt")
    entry = statement.entries[0]

    assert entry.amount == Decimal("0.01")
    assert entry.end_to_end_id == "INNDNL2U20000100134824001"
    assert entry.counterparty_iban == "NL73ANDL0123456789"


def test_old_rabobank_dot_decimals_and_currency_suffix_are_normalised() -> None:
    statements = _parse("mt940/fruitl00p+php-mt940/Rabo/sample")

    assert statements[4].account == "1017.490.554"
    assert [e.amount for e in statements[4].entries] == [
        Decimal("300.00"),
        Decimal("300.00"),
    ]


def test_abn_amro_export_is_split_where_the_balances_break() -> None:
    statements = _parse("csv/denilsonsa+abn-amro-statement-parser/TXT_SAMPLE.TAB")
    entry = statements[2].entries[9]

    assert [s.account for s in statements].count("112233445") == 1
    assert statements[2].opening_balance == Decimal("3500.00")
    assert statements[2].closing_balance == Decimal("1596.20")
    assert entry.amount == Decimal("-34.49")
    assert entry.booking_date == date(2023, 2, 13)


def test_parsing_the_same_file_twice_gives_the_same_keys() -> None:
    name = "mt940/fruitl00p+php-mt940/Bunq/sample"

    first = [e.bank_reference for s in _parse(name) for e in s.entries]
    second = [e.bank_reference for s in _parse(name) for e in s.entries]

    assert first == second
