"""The journal's lines as a spreadsheet table (CSV through `core.exports`)."""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from buurtwerkkamer.core.exports import Row

from .entries import Entry, lines_of
from .ledger import DEBIT
from .xaf import clean


def header() -> list[str]:
    return [
        _("Date"),
        _("Journal"),
        _("Transaction"),
        _("Account number"),
        _("Account name"),
        _("Room"),
        _("Description"),
        _("Debit"),
        _("Credit"),
        _("Document"),
    ]


def rows(entries: Iterable[Entry]) -> Iterator[Row]:
    for entry, line in lines_of(entries):
        debit = line.side == DEBIT
        yield [
            entry.day,
            entry.journal.code,
            entry.number,
            line.account.number,
            line.account.name,
            line.room_name,
            clean(line.description),
            line.amount if debit else None,
            None if debit else line.amount,
            line.document,
        ]
