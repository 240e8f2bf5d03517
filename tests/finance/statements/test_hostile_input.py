"""Hostile, broken and absurd files are refused with a StatementError."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from buurtwerkkamer.finance.statements import StatementError, parse_statement_file
from buurtwerkkamer.finance.statements.types import parse_amount

NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


def camt(entries: str = "", opening: str = "100.00", closing: str = "100.00") -> bytes:
    """A small valid camt.053.001.02 document with the given <Ntry> elements."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="{NS}"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId>
<CreDtTm>2026-01-31T10:00:00</CreDtTm></GrpHdr><Stmt><Id>S1</Id>
<CreDtTm>2026-01-31T10:00:00</CreDtTm>
<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{opening}</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{closing}</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-31</Dt></Dt></Bal>
{entries}</Stmt></BkToCstmrStmt></Document>""".encode()


def entry(number: int, amount: str = "1.00") -> str:
    """One booked credit entry."""
    return (
        f'<Ntry><NtryRef>R{number}</NtryRef><Amt Ccy="EUR">{amount}</Amt>'
        "<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
        "<BookgDt><Dt>2026-01-15</Dt></BookgDt><ValDt><Dt>2026-01-15</Dt></ValDt>"
        f"<AcctSvcrRef>A{number}</AcctSvcrRef></Ntry>"
    )


def test_the_small_document_itself_is_read() -> None:
    (statement,) = parse_statement_file(camt(entry(1), closing="101.00"), "a.xml")

    assert statement.entries[0].bank_reference == "A1"
    assert statement.closing_balance == Decimal("101.00")


def test_billion_laughs_is_refused() -> None:
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
            if i
            else '<!ENTITY lol0 "&lol;&lol;">'
            for i in range(10)
        )
        + f']><Document xmlns="{NS}"><BkToCstmrStmt>&lol9;</BkToCstmrStmt></Document>'
    )

    with pytest.raises(StatementError, match="DOCTYPE"):
        parse_statement_file(lol.encode(), "lol.xml")


def test_external_entity_is_refused() -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<Document xmlns="{NS}"><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt>'
        "</BkToCstmrStmt></Document>"
    )

    with pytest.raises(StatementError, match="DOCTYPE"):
        parse_statement_file(xxe.encode(), "xxe.xml")


def test_utf16_doctype_is_refused_after_parsing() -> None:
    xxe = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<Document xmlns="{NS}"><BkToCstmrStmt/></Document>'
    ).encode("utf-16")

    with pytest.raises(StatementError):
        parse_statement_file(xxe, "xxe16.xml")


def test_truncated_camt_is_refused_as_not_well_formed() -> None:
    data = camt(entry(1), closing="101.00")

    with pytest.raises(StatementError, match="not well-formed"):
        parse_statement_file(data[: len(data) // 2], "half.xml")


def test_xml_that_is_not_camt053_is_refused() -> None:
    pain = (
        b'<?xml version="1.0"?>'
        b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>'
    )

    with pytest.raises(StatementError, match="not a CAMT.053"):
        parse_statement_file(pain, "pain.xml")


def test_a_file_above_the_limit_is_refused_before_parsing() -> None:
    data = camt("".join(entry(n) for n in range(2000)))

    with pytest.raises(StatementError, match="larger than"):
        parse_statement_file(data, "big.xml", max_bytes=64 * 1024)


def test_an_empty_file_is_refused() -> None:
    for data in (b"", b"   \r\n\t"):
        with pytest.raises(StatementError, match="empty"):
            parse_statement_file(data, "empty.sta")


def test_a_fraction_of_a_cent_is_refused_rather_than_rounded() -> None:
    with pytest.raises(StatementError, match="fraction of a cent"):
        parse_statement_file(camt(entry(1, "0.00125")), "odd.xml")


def test_trailing_zero_decimals_are_exact_cents() -> None:
    assert parse_amount("18.150") == Decimal("18.15")
    assert parse_amount("5442.09000", negative=True) == Decimal("-5442.09")


def test_a_negative_or_malformed_amount_text_is_refused() -> None:
    for text in ("-1.00", "1e5", "NaN", "1.2.3", "9" * 30):
        with pytest.raises(StatementError):
            parse_amount(text)


def test_truncated_mt940_is_refused() -> None:
    data = b":20:ABC\n:25:NL91ABNA0417164300\n:28C:1\n:60F:C260101EUR100,00\n:61:2601"

    with pytest.raises(StatementError):
        parse_statement_file(data, "cut.sta")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash_the_reader(data: bytes) -> None:
    try:
        statements = parse_statement_file(data, "random.bin")
    except StatementError:
        return
    # Random bytes that happen to parse must still give sane statements.
    assert all(s.account for s in statements)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.decimals(
            min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2
        ),
        max_size=20,
    )
)
def test_entries_of_any_amounts_add_up_to_what_was_written(
    amounts: list[Decimal],
) -> None:
    total = sum(amounts, Decimal("0.00"))
    data = camt(
        "".join(entry(n, str(a)) for n, a in enumerate(amounts)),
        closing=str(Decimal("100.00") + total),
    )

    (statement,) = parse_statement_file(data, "sum.xml")

    assert statement.entries_total == total
