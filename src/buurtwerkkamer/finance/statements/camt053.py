"""Read ISO 20022 CAMT.053 bank-to-customer statements (001.02 and newer).

The XML is parsed by lxml under a hardened parser: no entity expansion, no
network, no DTD. A file that declares a DOCTYPE is refused before parsing,
since a bank never needs one and entity tricks (billion laughs, external
entities) all start there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from lxml import etree

from .types import Entry, Statement, StatementError, parse_amount

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_NAMESPACE_RE = re.compile(r"^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$")
_DOCTYPE_RE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_OPENING_CODES = ("OPBD", "PRCD")
_CLOSING_CODES = ("CLBD",)
# Banks write this literal when the payer gave no end-to-end id; it is not a key.
_NOT_PROVIDED = "NOTPROVIDED"


def looks_like_camt053(data: bytes) -> bool:
    """Tell whether the first bytes look like a camt.053 XML document."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"camt.053" in head


def parse_camt053(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Statement]:
    """Parse a CAMT.053 file into statements, or raise StatementError."""
    root = _parse_xml(data, max_bytes)
    reader = _Reader(root)
    statements = [
        reader.statement(stmt) for stmt in reader.iter(root, "BkToCstmrStmt/Stmt")
    ]
    if not statements:
        raise StatementError(_("The CAMT.053 file contains no statements."))
    return statements


def _parse_xml(data: bytes, max_bytes: int) -> etree._Element:
    if len(data) > max_bytes:
        raise StatementError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": max(1, max_bytes // (1024 * 1024))}
        )
    if _DOCTYPE_RE.search(data):
        raise StatementError(
            _("The file declares a DOCTYPE or entities; bank statements never do.")
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise StatementError(
            _("The file is not well-formed XML: %(reason)s")
            % {"reason": str(exc)[:200]}
        ) from exc
    # The byte check misses a DOCTYPE in UTF-16; the parsed tree does not.
    if root.getroottree().docinfo.doctype:
        raise StatementError(
            _("The file declares a DOCTYPE or entities; bank statements never do.")
        )
    namespace = etree.QName(root).namespace or ""
    if etree.QName(root).localname != "Document" or not _NAMESPACE_RE.match(namespace):
        raise StatementError(_("The XML file is not a CAMT.053 bank statement."))
    return root


class _Reader:
    """Finds elements by local path within the one namespace of the document.

    The versions differ in namespace and in a few nestings, so paths are
    written without prefixes and qualified here.
    """

    def __init__(self, root: etree._Element) -> None:
        self.ns = etree.QName(root).namespace or ""

    def _path(self, path: str) -> str:
        return "/".join(f"{{{self.ns}}}{part}" for part in path.split("/"))

    def iter(self, element: etree._Element, path: str) -> Iterator[etree._Element]:
        yield from element.iterfind(self._path(path))

    def find(self, element: etree._Element | None, path: str) -> etree._Element | None:
        if element is None:
            return None
        return element.find(self._path(path))

    def text(self, element: etree._Element | None, *paths: str) -> str:
        """The stripped text at the first path that has some, else ''."""
        for path in paths:
            found = self.find(element, path)
            if found is not None and found.text and found.text.strip():
                return found.text.strip()
        return ""

    def date_in(self, element: etree._Element | None) -> date | None:
        # <Dt> holds either a date or, in some exports, a DtTm; the date part
        # of a timestamp is the booking day the bank means.
        value = self.text(element, "Dt", "DtTm")
        if not value:
            return None
        try:
            return date.fromisoformat(value[:10])
        except ValueError as exc:
            raise StatementError(
                _("The date %(date)s is not a valid date.") % {"date": value[:40]}
            ) from exc

    def amount(self, element: etree._Element) -> tuple[Decimal, str]:
        amt = self.find(element, "Amt")
        if amt is None or not amt.text:
            raise StatementError(_("An amount is missing in the CAMT.053 file."))
        negative = self.text(element, "CdtDbtInd") == "DBIT"
        return parse_amount(amt.text, negative=negative), amt.get("Ccy", "")

    def statement(self, stmt: etree._Element) -> Statement:
        account = self.text(stmt, "Acct/Id/IBAN", "Acct/Id/Othr/Id")
        if not account:
            raise StatementError(_("A statement in the file names no account."))
        opening, closing = self.balances(stmt)
        entries = tuple(
            self.entry(ntry, index)
            for index, ntry in enumerate(self.iter(stmt, "Ntry"))
            if self.booked(ntry)
        )
        # Acct/Ccy is optional; the balances and entries carry one anyway.
        currencies = [b[1] for b in (opening, closing) if b] + [
            e.currency for e in entries
        ]
        return Statement(
            account=account,
            currency=self.text(stmt, "Acct/Ccy") or next(iter(currencies), ""),
            statement_id=self.text(stmt, "Id"),
            sequence=self.text(stmt, "ElctrncSeqNb", "LglSeqNb"),
            opening_balance=opening[0] if opening else None,
            opening_date=opening[2] if opening else None,
            closing_balance=closing[0] if closing else None,
            closing_date=closing[2] if closing else None,
            entries=entries,
        )

    def balances(
        self, stmt: etree._Element
    ) -> tuple[tuple[Decimal, str, date | None] | None, ...]:
        found: dict[str, tuple[Decimal, str, date | None]] = {}
        for bal in self.iter(stmt, "Bal"):
            code = self.text(bal, "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry")
            amount, currency = self.amount(bal)
            found.setdefault(
                code, (amount, currency, self.date_in(self.find(bal, "Dt")))
            )
        opening = next((found[c] for c in _OPENING_CODES if c in found), None)
        closing = next((found[c] for c in _CLOSING_CODES if c in found), None)
        return opening, closing

    def booked(self, ntry: etree._Element) -> bool:
        # Pending and information-only entries do not move the booked balance;
        # .08 nests the status code, .02 to .04 write it as text.
        status = self.text(ntry, "Sts/Cd", "Sts") or "BOOK"
        return status == "BOOK"

    def entry(self, ntry: etree._Element, index: int) -> Entry:
        amount, currency = self.amount(ntry)
        tx = self.find(ntry, "NtryDtls/TxDtls")
        # The counterparty is the debtor of money coming in, the creditor of
        # money going out; .08 wraps the party in <Pty>.
        side = "Dbtr" if amount >= 0 else "Cdtr"
        booking = self.date_in(self.find(ntry, "BookgDt"))
        value = self.date_in(self.find(ntry, "ValDt"))
        if booking is None and value is None:
            raise StatementError(_("An entry in the file has no booking date."))
        end_to_end = self.text(tx, "Refs/EndToEndId")
        return Entry(
            booking_date=booking or value,  # type: ignore[arg-type]
            value_date=value,
            amount=amount,
            currency=currency,
            bank_reference=self.text(ntry, "AcctSvcrRef", "NtryRef")
            or self.text(tx, "Refs/AcctSvcrRef")
            or f"{self.text(ntry.getparent(), 'Id')}#{index}",
            end_to_end_id="" if end_to_end == _NOT_PROVIDED else end_to_end,
            counterparty_name=self.text(
                tx, f"RltdPties/{side}/Nm", f"RltdPties/{side}/Pty/Nm"
            ),
            counterparty_iban=self.text(
                tx, f"RltdPties/{side}Acct/Id/IBAN", f"RltdPties/{side}Acct/Id/Othr/Id"
            ),
            remittance=self.remittance(ntry, tx),
            creditor_reference=self.text(tx, "RmtInf/Strd/CdtrRefInf/Ref"),
        )

    def remittance(self, ntry: etree._Element, tx: etree._Element | None) -> str:
        lines = [
            el.text.strip()
            for el in (self.iter(tx, "RmtInf/Ustrd") if tx is not None else ())
            if el.text and el.text.strip()
        ]
        return " ".join(lines) or self.text(ntry, "AddtlNtryInf")
