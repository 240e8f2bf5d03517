"""Read the tab-separated "TXT" download of ABN AMRO internet banking.

Each row is one entry: account, currency, transaction date, balance before,
balance after, value date, amount (comma decimals) and a description. The file
has no header and no entry reference, so statements and keys are computed:
consecutive rows of one account whose balances chain form one statement, and
a break in the chain (a period missing from the download) starts the next.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from .mt940 import decode, parse_details
from .types import Entry, Statement, StatementError, parse_amount

_ROW_RE = re.compile(r"^[^\t]+\t[A-Z]{3}\t\d{8}\t-?[\d.]+,\d{2}\t")


def looks_like_abnamro_csv(text: str) -> bool:
    """Tell whether the first data row has the shape of an ABN AMRO TXT row."""
    return any(_ROW_RE.match(line) for line in _data_lines(text)[:1])


def parse_abnamro_csv(data: bytes) -> list[Statement]:
    """Parse an ABN AMRO TXT/TAB export into statements, or raise StatementError."""
    text = decode(data)
    lines = _data_lines(text)
    if not lines or not looks_like_abnamro_csv(text):
        raise StatementError(_("The file is not an ABN AMRO transaction export."))
    rows = [_row(number, line) for number, line in enumerate(lines, start=1)]
    return _group(rows)


def _data_lines(text: str) -> list[str]:
    # Published samples carry "#" comments; real downloads have none, so
    # skipping them costs nothing.
    return [
        line for line in text.split("\n") if line.strip() and not line.startswith("#")
    ]


class _Row:
    def __init__(self, fields: list[str]) -> None:
        self.account, self.currency = fields[0].strip(), fields[1].strip()
        self.booking_date = _date(fields[2])
        self.before = _signed(fields[3])
        self.after = _signed(fields[4])
        self.value_date = _date(fields[5])
        self.amount = _signed(fields[6])
        self.description = " ".join(fields[7].split()) if len(fields) > 7 else ""


def _row(number: int, line: str) -> _Row:
    fields = line.split("\t")
    if len(fields) < 7:
        raise StatementError(
            _("Line %(line)s of the export has too few columns.") % {"line": number}
        )
    try:
        return _Row(fields)
    except ValueError as exc:
        raise StatementError(
            _("Line %(line)s of the export cannot be read.") % {"line": number}
        ) from exc


def _group(rows: list[_Row]) -> list[Statement]:
    runs: list[list[_Row]] = []
    for row in rows:
        last = runs[-1][-1] if runs else None
        if last and last.account == row.account and last.after == row.before:
            runs[-1].append(row)
        else:
            runs.append([row])
    seen: Counter[str] = Counter()
    return [_statement(run, seen) for run in runs]


def _statement(run: list[_Row], seen: Counter[str]) -> Statement:
    first, last = run[0], run[-1]
    return Statement(
        account=first.account,
        currency=first.currency,
        statement_id=f"{first.account}:{first.booking_date:%Y%m%d}-{last.booking_date:%Y%m%d}",
        opening_balance=first.before,
        opening_date=first.booking_date,
        closing_balance=last.after,
        closing_date=last.booking_date,
        entries=tuple(_entry(row, seen) for row in run),
    )


def _entry(row: _Row, seen: Counter[str]) -> Entry:
    # The export has no entry id; the balance before and after pin a row to
    # its place in the account's history, so they make the key stable.
    source = "|".join(
        (
            row.account,
            row.booking_date.isoformat(),
            str(row.before),
            str(row.after),
            str(row.amount),
            row.description,
        )
    )
    digest = hashlib.sha256(source.encode()).hexdigest()[:24]
    seen[digest] += 1
    return Entry(
        booking_date=row.booking_date,
        value_date=row.value_date,
        amount=row.amount,
        currency=row.currency,
        bank_reference=f"abnamro:{digest}:{seen[digest]}",
        **parse_details(row.description),
    )


def _signed(text: str) -> Decimal:
    # Comma decimals; a dot, if a future export adds one, groups thousands.
    value = text.strip().replace(".", "")
    negative = value.startswith("-")
    return parse_amount(value.lstrip("-"), negative=negative)


def _date(text: str) -> date:
    return datetime.strptime(text.strip(), "%Y%m%d").date()
