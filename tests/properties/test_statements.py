"""Statement parsers for any input: bytes of any kind, and valid files broken at
any point, give statements or a StatementError, never another exception; a valid
CAMT.053 or MT940 file of any entries reads back to the same amounts."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from buurtwerkkamer.finance.statements import StatementError, parse_statement_file

NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"
IBAN = "NL91ABNA0417164300"
OPENING = Decimal("1000.00")
DAY = date(2026, 1, 1)

signed_amounts = st.lists(
    st.decimals(
        min_value=Decimal("-99999.99"), max_value=Decimal("99999.99"), places=2
    ).filter(lambda amount: amount != 0),
    max_size=25,
)


def camt(amounts: list[Decimal]) -> bytes:
    closing = OPENING + sum(amounts, Decimal("0.00"))
    entries = "".join(
        f'<Ntry><Amt Ccy="EUR">{abs(amount)}</Amt>'
        f"<CdtDbtInd>{'CRDT' if amount > 0 else 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts>"
        f"<BookgDt><Dt>{DAY + timedelta(days=number % 28)}</Dt></BookgDt>"
        f"<AcctSvcrRef>P{number}</AcctSvcrRef></Ntry>"
        for number, amount in enumerate(amounts)
    )

    def balance(code: str, amount: Decimal) -> str:
        return (
            f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>"
            f'<Amt Ccy="EUR">{abs(amount)}</Amt>'
            f"<CdtDbtInd>{'CRDT' if amount >= 0 else 'DBIT'}</CdtDbtInd>"
            f"<Dt><Dt>{DAY}</Dt></Dt></Bal>"
        )

    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Document xmlns="{NS}">'
        "<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-02-01T10:00:00"
        "</CreDtTm></GrpHdr><Stmt><Id>S1</Id><CreDtTm>2026-02-01T10:00:00</CreDtTm>"
        f"<Acct><Id><IBAN>{IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>"
        f"{balance('OPBD', OPENING)}{balance('CLBD', closing)}{entries}"
        "</Stmt></BkToCstmrStmt></Document>"
    ).encode()


def mt940(amounts: list[Decimal]) -> bytes:
    def money(amount: Decimal) -> str:
        return f"{abs(amount):.2f}".replace(".", ",")

    def mark(amount: Decimal) -> str:
        return "C" if amount >= 0 else "D"

    closing = OPENING + sum(amounts, Decimal("0.00"))
    lines = [":20:BWK", f":25:{IBAN}", ":28C:1/1"]
    lines.append(f":60F:{mark(OPENING)}{DAY:%y%m%d}EUR{money(OPENING)}")
    for number, amount in enumerate(amounts):
        day = DAY + timedelta(days=number % 28)
        lines.append(f":61:{day:%y%m%d%m%d}{mark(amount)}{money(amount)}NTRFB{number}")
        lines.append(f":86:/NAME/Winkel {number}/REMI/USTD//Betaling {number}/")
    lines.append(f":62F:{mark(closing)}{DAY:%y%m%d}EUR{money(closing)}")
    return ("\r\n".join(lines) + "\r\n-").encode()


@settings(max_examples=150, deadline=None)
@given(signed_amounts)
def test_a_camt053_of_any_entries_reads_back_to_the_same_amounts(
    amounts: list[Decimal],
) -> None:
    (statement,) = parse_statement_file(camt(amounts), "any.xml")

    assert [entry.amount for entry in statement.entries] == amounts
    assert statement.closing_balance == OPENING + sum(amounts, Decimal("0.00"))


@settings(max_examples=150, deadline=None)
@given(signed_amounts)
def test_an_mt940_of_any_entries_reads_back_to_the_same_amounts(
    amounts: list[Decimal],
) -> None:
    (statement,) = parse_statement_file(mt940(amounts), "any.sta")

    assert [entry.amount for entry in statement.entries] == amounts
    assert statement.opening_balance == OPENING
    assert statement.closing_balance == OPENING + sum(amounts, Decimal("0.00"))


def reads_or_refuses(data: bytes) -> None:
    try:
        statements = parse_statement_file(data, "broken")
    except StatementError:
        return
    for statement in statements:
        assert statement.account
        assert all(
            entry.amount == entry.amount.quantize(Decimal("0.01"))
            for entry in statement.entries
        )


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["camt", "mt940"]),
    signed_amounts,
    st.integers(min_value=0),
    st.integers(min_value=0, max_value=64),
    st.binary(max_size=16),
)
def test_a_valid_file_cut_or_spliced_anywhere_is_read_or_refused(
    kind: str, amounts: list[Decimal], at: int, cut: int, inserted: bytes
) -> None:
    data = camt(amounts) if kind == "camt" else mt940(amounts)
    at %= len(data)

    reads_or_refuses(data[:at] + inserted + data[at + cut :])


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(
        [b":20:X\n:25:", b"<?xml version='1.0'?><Document", b"\xef\xbb\xbf"]
    ),
    st.binary(max_size=512),
)
def test_bytes_after_the_opening_of_a_known_format_are_read_or_refused(
    opening: bytes, rest: bytes
) -> None:
    reads_or_refuses(opening + rest)
