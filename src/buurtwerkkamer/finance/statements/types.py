"""The bank-neutral shape every statement parser returns.

Parsers for CAMT.053, MT940 and the ABN AMRO CSV export all turn a file into a
list of `Statement` objects, so the importer above them never needs to know
which format a bank delivered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

CENT = Decimal("0.01")

# At most 18 integer digits keeps every amount well inside Decimal's default
# precision of 28 digits, so quantize() can never raise InvalidOperation.
_AMOUNT_RE = re.compile(r"^\d{1,18}(\.\d{0,12})?$")


class StatementError(ValueError):
    """A statement file that cannot be read; the message is shown to the user."""


@dataclass(frozen=True)
class Entry:
    """One booked movement on the account, credit positive and debit negative."""

    booking_date: date
    value_date: date | None
    amount: Decimal
    currency: str
    # The bank's own reference for this entry; the importer uses it as the
    # de-duplication key, so it must be stable when the same file comes twice.
    bank_reference: str
    end_to_end_id: str = ""
    counterparty_name: str = ""
    counterparty_iban: str = ""
    remittance: str = ""
    creditor_reference: str = ""


@dataclass(frozen=True)
class Statement:
    """One statement of one account: its balances and the entries between them."""

    account: str
    currency: str
    statement_id: str
    sequence: str = ""
    opening_balance: Decimal | None = None
    opening_date: date | None = None
    closing_balance: Decimal | None = None
    closing_date: date | None = None
    entries: tuple[Entry, ...] = field(default_factory=tuple)

    @property
    def entries_total(self) -> Decimal:
        """The sum of all entry amounts (zero for a statement without entries)."""
        return sum((entry.amount for entry in self.entries), Decimal("0.00"))


def parse_amount(text: str, *, negative: bool = False) -> Decimal:
    """Read an unsigned decimal amount ("18.150", "2700") as exact cents.

    Banks sometimes write more decimals than a euro has. Trailing zeros are
    harmless ("18.150" is 18.15); a fraction of a cent ("0.00125") is refused,
    because rounding it silently would make the books disagree with the bank.
    """
    cleaned = text.strip().replace(",", ".")
    if not _AMOUNT_RE.match(cleaned):
        raise StatementError(
            _("The amount %(amount)s is not a valid amount.") % {"amount": text[:40]}
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex guards this
        raise StatementError(
            _("The amount %(amount)s is not a valid amount.") % {"amount": text[:40]}
        ) from exc
    cents = value.quantize(CENT)
    if cents != value:
        raise StatementError(
            _("The amount %(amount)s has a fraction of a cent.") % {"amount": text[:40]}
        )
    return -cents if negative else cents
