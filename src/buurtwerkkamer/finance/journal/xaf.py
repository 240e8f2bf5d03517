"""The journal as an XML Auditfile Financieel (XAF) 3.2, the file Dutch
bookkeeping software and accountants read: a header, the company with its
suppliers, chart of accounts and periods, and the transactions per journal.

Text is cleaned before lxml escapes it: XML 1.0 has no place for control
characters, and the schema limits many fields to a length."""

import hashlib
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version

from django.utils.text import slugify
from lxml import etree

from .entries import Entry, Line, lines_of, year_range
from .ledger import CHART, CREDIT, DEBIT, JOURNALS, Journal

NAMESPACE = "http://www.auditfiles.nl/XAF/3.2"
SOFTWARE = "BuurtWerkKamer-platform"
CURRENCY = "EUR"
COUNTRY = "NL"
ZERO = Decimal("0.00")

# Control characters, lone surrogates and the two non-characters XML forbids. Tab
# and line breaks go too: every field of the file is one line.
_UNWANTED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: object, limit: int | None = None) -> str:
    """Text the schema takes: no control characters, single spaces, at most
    `limit` characters."""
    words = _UNWANTED.sub(" ", str(text)).split()
    return " ".join(words)[:limit].strip() if limit else " ".join(words)


def supplier_id(name: str) -> str:
    """A supplier's code in the file, the same in every year: readable, at most
    35 characters, and one per supplier, as suppliers are told apart without
    regard to case when their invoices are booked."""
    digest = hashlib.sha256(clean(name).casefold().encode()).hexdigest()[:8]
    return f"{slugify(name)[:26] or 'crediteur'}-{digest}"


def software_version() -> str:
    try:
        return version("buurtwerkkamer")
    except PackageNotFoundError:
        return ""


def auditfile(
    year: int,
    entries: Sequence[Entry],
    *,
    company_name: str,
    created: date,
    bank_iban: str = "",
    tax_id: str = "",
) -> bytes:
    """The auditfile of one financial year. `entries` are those of
    `entries.journal` for that year."""
    root = etree.Element(_tag("auditfile"), nsmap={None: NAMESPACE})
    _header(root, year, created)
    company = _add(root, "company")
    _add(company, "companyName", clean(company_name, 999))
    _add(company, "taxRegistrationCountry", COUNTRY)
    # Required by the schema; empty while the platform keeps no VAT number.
    _add(company, "taxRegIdent", clean(tax_id, 30))
    _suppliers(company, entries)
    _ledger(company)
    _periods(company, year)
    _transactions(company, entries, bank_iban)
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _tag(name))
    if text is not None:
        element.text = text
    return element


def _header(root: etree._Element, year: int, created: date) -> None:
    start, end = year_range(year)
    header = _add(root, "header")
    _add(header, "fiscalYear", str(year))
    _add(header, "startDate", start.isoformat())
    _add(header, "endDate", end.isoformat())
    _add(header, "curCode", CURRENCY)
    _add(header, "dateCreated", created.isoformat())
    _add(header, "softwareDesc", SOFTWARE)
    _add(header, "softwareVersion", clean(software_version(), 20))


def _suppliers(company: etree._Element, entries: Sequence[Entry]) -> None:
    names: dict[str, str] = {}
    for _entry, line in lines_of(entries):
        if line.supplier:
            names.setdefault(supplier_id(line.supplier), line.supplier)
    if not names:
        return
    suppliers = _add(company, "customersSuppliers")
    for code, name in sorted(names.items()):
        supplier = _add(suppliers, "customerSupplier")
        _add(supplier, "custSupID", code)
        _add(supplier, "custSupName", clean(name, 50))
        _add(supplier, "custSupTp", "S")


def _ledger(company: etree._Element) -> None:
    ledger = _add(company, "generalLedger")
    for account in CHART:
        element = _add(ledger, "ledgerAccount")
        _add(element, "accID", account.number)
        _add(element, "accDesc", clean(account.name, 999))
        _add(element, "accTp", account.kind)


def _periods(company: etree._Element, year: int) -> None:
    periods = _add(company, "periods")
    for month in range(1, 13):
        first = date(year, month, 1)
        last = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        period = _add(periods, "period")
        _add(period, "periodNumber", str(month))
        _add(period, "periodDesc", f"{first:%m-%Y}")
        _add(period, "startDatePeriod", first.isoformat())
        _add(
            period, "endDatePeriod", date.fromordinal(last.toordinal() - 1).isoformat()
        )


def _transactions(
    company: etree._Element, entries: Sequence[Entry], bank_iban: str
) -> None:
    lines = [line for _entry, line in lines_of(entries)]
    transactions = _add(company, "transactions")
    _add(transactions, "linesCount", str(len(lines)))
    _add(transactions, "totalDebit", _amount(_total(lines, DEBIT)))
    _add(transactions, "totalCredit", _amount(_total(lines, CREDIT)))
    for journal in JOURNALS:
        element = _journal(transactions, journal, bank_iban)
        for entry in entries:
            if entry.journal == journal:
                _transaction(element, entry)


def _journal(
    transactions: etree._Element, journal: Journal, bank_iban: str
) -> etree._Element:
    element = _add(transactions, "journal")
    _add(element, "jrnID", journal.code)
    _add(element, "desc", clean(journal.name))
    _add(element, "jrnTp", journal.kind)
    if journal.offset is not None:
        _add(element, "offsetAccID", journal.offset.number)
    if journal.kind == "B" and bank_iban:
        _add(element, "bankAccNr", clean(bank_iban, 35))
    return element


def _transaction(journal: etree._Element, entry: Entry) -> None:
    element = _add(journal, "transaction")
    _add(element, "nr", entry.number)
    _add(element, "desc", clean(entry.description))
    _add(element, "periodNumber", str(entry.day.month))
    _add(element, "trDt", entry.day.isoformat())
    for number, line in enumerate(entry.lines, start=1):
        _line(element, number, entry, line)


def _line(transaction: etree._Element, number: int, entry: Entry, line: Line) -> None:
    element = _add(transaction, "trLine")
    _add(element, "nr", str(number))
    _add(element, "accID", line.account.number)
    _add(element, "docRef", clean(line.document, 999))
    _add(element, "effDate", entry.day.isoformat())
    _add(element, "desc", clean(line.description))
    _add(element, "amnt", _amount(line.amount))
    _add(element, "amntTp", line.side)
    if line.supplier:
        _add(element, "custSupID", supplier_id(line.supplier))
    if line.invoice:
        _add(element, "invRef", clean(line.invoice, 999))
    if line.room_code:
        _add(element, "costID", clean(line.room_code, 35))


def _total(lines: Sequence[Line], side: str) -> Decimal:
    return sum((line.amount for line in lines if line.side == side), ZERO)


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"
