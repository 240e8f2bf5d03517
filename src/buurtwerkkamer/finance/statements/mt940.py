"""Read SWIFT MT940 statements as Dutch banks write them, using `mt-940`.

The library parses the tags; this module cleans the bytes first (CRLF, Ctrl-Z,
soft hyphens, preamble lines), splits the file into one message per :20: so
that every statement keeps its own balances, and reads the :86: details in
the dialects of Dutch banks: structured /TAG/value/ (ING, ABN AMRO SEPA,
Rabobank SEPA, Knab, bunq), Triodos' >20..>31 sub-fields, and free text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

import mt940
from django.utils.translation import gettext as _
from mt940.options import Options
from mt940.tags import StatementASNB, Tag

from .types import CENT, Entry, Statement, StatementError

_TAG_LINE_RE = re.compile(r"^:(20|21|25|28C?|60[FM]|61|62[FM]|64|65|86|NS):", re.M)
_SINGLE_LINE_TAGS = re.compile(r"^:(60[FM]|62[FM]|64|65|25|28C?):")
_TERMINATOR_RE = re.compile(r"^-\}?(\{5:.*)?$")
_BALANCE_DOT_RE = re.compile(r"^(:6[02][FM]:[DC]\d{6}[A-Z]{3})(\d+)\.(\d{0,2})", re.M)
_ENTRY_DOT_RE = re.compile(r"^(:61:\d{6}(?:\d{4})?R?[DC][A-Z]?)(\d+)\.(\d{0,2})", re.M)
_ASN_ENTRY_RE = re.compile(
    r"^:61:.*[DC][\d,]+N[A-Z0-9]{3}[A-Z]{2}\d{2}[A-Z]{4}\d{7,}", re.M
)
_IBAN_RE = re.compile(r"\b([A-Z]{2}\d{2}[A-Z0-9]{10,30})\b")
# Sub-field names of the structured :86: of Dutch banks (ING, Rabobank, ABN
# AMRO SEPA, Knab, bunq); only these count as the start of a new sub-field.
_STRUCTURED_TAGS = (
    "TRTP|EREF|IBAN|BIC|NAME|REMI|CSID|MARF|ORDP|BENM|CNTP|ID|ADDR|PURP|RTRN|"
    "ULTC|ULTD|ULTB|SVCL|PREF|IREF|KREF|OCMT|ISDT|CHGS|EXCH|FX|SWOC|RTYP|CDTRREF|"
    "CDTRREFTP|ISSR|CD"
)
_STRUCTURED_RE = re.compile(rf"/({_STRUCTURED_TAGS})/")
_TRIODOS_RE = re.compile(r">(\d{2})")
_ABN_LABEL_RE = re.compile(
    r"\b(IBAN|BIC|NAAM|OMSCHRIJVING|KENMERK|MACHTIGING|INCASSANT|VOOR):", re.I
)


def looks_like_mt940(text: str) -> bool:
    """Tell whether decoded text holds MT940 statement tags."""
    return bool(re.search(r"^:20:", text, re.M)) and bool(
        re.search(r"^:(60[FM]|62[FM]|61):", text, re.M)
    )


def decode(data: bytes) -> str:
    """Bytes to clean text: bank exports are UTF-8 or Windows-1252."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Ctrl-Z ends old DOS exports (Rabobank); soft hyphens (ING) and NBSP (bunq)
    # come from the bank's text and would break account numbers and matching.
    text = text.replace("\x1a", "").replace("\u00ad", "").replace("\u00a0", " ")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)


def split_messages(text: str) -> list[str]:
    """One chunk per statement (per :20:), without headers and preamble lines.

    ABN AMRO writes "ABNANL2A / 940 / ABNANL2A" before each message and SWIFT
    files wrap messages in {1:..}{4: ... -} blocks; neither is part of a tag.
    """
    messages: list[list[str]] = []
    current: list[str] | None = None
    after_single_line_tag = False
    for line in text.split("\n"):
        if line.startswith(":20:"):
            current = [line]
            messages.append(current)
            after_single_line_tag = False
            continue
        if current is None:
            continue
        if _TERMINATOR_RE.match(line.strip()) or line.startswith("{1:"):
            current = None
            continue
        if _TAG_LINE_RE.match(line):
            after_single_line_tag = bool(_SINGLE_LINE_TAGS.match(line))
        elif after_single_line_tag:
            # A balance tag is one line; text after it belongs to no tag.
            continue
        current.append(line)
    return [_dot_decimals("\n".join(lines)) for lines in messages]


def _dot_decimals(message: str) -> str:
    """Old Rabobank exports write amounts with a dot; SWIFT wants a comma."""
    message = _BALANCE_DOT_RE.sub(r"\1\2,\3", message)
    return _ENTRY_DOT_RE.sub(r"\1\2,\3", message)


def parse_mt940(data: bytes) -> list[Statement]:
    """Parse an MT940 file into statements, or raise StatementError."""
    text = decode(data)
    if not looks_like_mt940(text):
        raise StatementError(_("The file is not an MT940 bank statement."))
    return [_parse_message(message) for message in split_messages(text)]


def _parse_message(message: str) -> Statement:
    transactions = _run_library(message)
    info = transactions.data
    opening = info.get("final_opening_balance") or info.get(
        "intermediate_opening_balance"
    )
    closing = info.get("final_closing_balance") or info.get(
        "intermediate_closing_balance"
    )
    # Old Rabobank exports append the currency to the account ("1017.490.554EUR").
    account = re.sub(r"\s+", "", str(info.get("account_identification", "")))
    account = re.sub(r"(?<=\d)[A-Z]{3}$", "", account)
    if not account:
        raise StatementError(
            _("A statement in the MT940 file is incomplete: it names no account.")
        )
    currency = transactions.currency or ""
    entries = _entries(account, currency, transactions)
    sequence = "/".join(
        str(info[key])
        for key in ("statement_number", "sequence_number")
        if info.get(key)
    )
    return Statement(
        account=account,
        currency=currency,
        statement_id=str(info.get("transaction_reference", "")),
        sequence=sequence,
        opening_balance=_cents(opening.amount.amount) if opening else None,
        opening_date=_as_date(opening.date) if opening else None,
        closing_balance=_cents(closing.amount.amount) if closing else None,
        closing_date=_as_date(closing.date) if closing else None,
        entries=entries,
    )


def _run_library(message: str) -> mt940.models.Transactions:
    # ASN Bank and SNS put the counterparty IBAN where the standard wants a
    # 16-character reference; the library's ASN variant of :61: allows it.
    errors: list[Exception] = []
    asn: dict[int | str, Tag] = {StatementASNB.id: StatementASNB()}
    attempts = (asn, None) if _ASN_ENTRY_RE.search(message) else (None, asn)
    for tags in attempts:
        transactions = mt940.models.Transactions(
            tags=tags, options=Options(reversal_sign=True)
        )
        # A mangled amount makes the library raise decimal.InvalidOperation, an
        # ArithmeticError rather than a ValueError.
        try:
            transactions.parse(message)
        except (RuntimeError, ValueError, KeyError, TypeError, ArithmeticError) as exc:
            errors.append(exc)
            continue
        return transactions
    raise StatementError(
        _("The MT940 file could not be read: %(reason)s")
        % {"reason": str(errors[-1])[:200]}
    )


def _entries(
    account: str, currency: str, transactions: mt940.models.Transactions
) -> tuple[Entry, ...]:
    seen: Counter[str] = Counter()
    entries = []
    for transaction in transactions:
        data = transaction.data
        if "amount" not in data:
            continue
        details = parse_details(str(data.get("transaction_details") or ""))
        extra = str(data.get("extra_details") or "").strip()
        customer = str(data.get("customer_reference") or "").strip()
        if not details["counterparty_iban"] and _IBAN_RE.fullmatch(customer):
            details["counterparty_iban"] = customer
        if not details["counterparty_name"] and extra:
            details["counterparty_name"] = extra
        booking = _as_date(data.get("entry_date") or data["date"])
        amount = _cents(data["amount"].amount)
        reference = _reference(account, booking, amount, customer, data, seen)
        entries.append(
            Entry(
                booking_date=booking,
                value_date=_as_date(data["date"]),
                amount=amount,
                currency=data["amount"].currency or currency,
                bank_reference=reference,
                **details,
            )
        )
    return tuple(entries)


def _reference(
    account: str,
    booking: date,
    amount: Decimal,
    customer: str,
    data: dict[str, Any],
    seen: Counter[str],
) -> str:
    """The bank reference of :61:, or a stable digest when the bank gives none.

    Most Dutch banks leave the //bank reference out, so the digest of what
    identifies the line (plus its rank among identical lines) stands in for it:
    the same file imported twice gives the same keys.
    """
    bank_reference = str(data.get("bank_reference") or "").strip()
    if bank_reference and bank_reference.upper() != "NONREF":
        return bank_reference
    source = "|".join(
        (
            account,
            booking.isoformat(),
            str(amount),
            customer,
            str(data.get("transaction_details") or ""),
        )
    )
    digest = hashlib.sha256(source.encode()).hexdigest()[:24]
    seen[digest] += 1
    return f"mt940:{digest}:{seen[digest]}"


def parse_details(text: str) -> dict[str, str]:
    """Read the :86: field into counterparty, references and remittance."""
    lines = [line.rstrip() for line in text.split("\n")]
    joined = "".join(lines)
    if joined.lstrip().startswith("/") and _STRUCTURED_RE.search(joined):
        return _structured(joined)
    if _TRIODOS_RE.search(joined) and ">20" in joined:
        return _triodos(joined)
    return _free_text(" ".join(line.strip() for line in lines if line.strip()))


def _empty() -> dict[str, str]:
    return dict.fromkeys(
        (
            "end_to_end_id",
            "counterparty_name",
            "counterparty_iban",
            "remittance",
            "creditor_reference",
        ),
        "",
    )


def _structured(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, raw in _labelled(_STRUCTURED_RE, text):
        # A sub-field that repeats (Rabobank writes /REMI/ twice) is appended.
        value = raw.strip("/ ")
        fields[key] = f"{fields[key]} {value}".strip() if key in fields else value
    result = _empty()
    cntp = fields.get("CNTP", "").split("/")
    result["counterparty_iban"] = fields.get("IBAN") or cntp[0]
    result["counterparty_name"] = fields.get("NAME") or (
        cntp[2] if len(cntp) > 2 else ""
    )
    eref = fields.get("EREF", "")
    result["end_to_end_id"] = "" if eref.upper() == "NOTPROVIDED" else eref
    remi = fields.get("REMI", "")
    # Rabobank writes the reference as its own /CDTRREF/ sub-field.
    result["creditor_reference"] = fields.get("CDTRREF", "")
    if remi.startswith("STRD/") or remi.startswith("CUR/"):
        # /REMI/STRD/CUR/<ref>/: a structured creditor reference, such as the
        # betalingskenmerk of the Belastingdienst.
        result["creditor_reference"] = remi.split("/")[-1]
    else:
        remi = re.sub(r"^USTD/+", "", remi)
    result["remittance"] = re.sub(r"\s+", " ", remi.replace("/", " ")).strip()
    return result


def _triodos(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    pieces = _TRIODOS_RE.split(text)
    for code, value in zip(pieces[1::2], pieces[2::2], strict=True):
        parts[code] = parts.get(code, "") + value
    result = _empty()
    result["remittance"] = " ".join(
        "".join(parts.get(str(code), "") for code in range(20, 30)).split()
    )
    result["counterparty_iban"] = parts.get("31", "").strip()
    result["counterparty_name"] = (parts.get("32", "") + parts.get("33", "")).strip()
    return result


def _free_text(text: str) -> dict[str, str]:
    result = _empty()
    result["remittance"] = text
    # ABN AMRO's unstructured SEPA text labels its parts: "IBAN: .. NAAM: ..".
    for found, raw in _labelled(_ABN_LABEL_RE, text):
        label, value = found.upper(), raw.strip()
        if label == "IBAN":
            result["counterparty_iban"] = value
        elif label == "NAAM":
            result["counterparty_name"] = value
        elif label == "OMSCHRIJVING":
            result["remittance"] = value
    return result


def _labelled(pattern: re.Pattern[str], text: str) -> list[tuple[str, str]]:
    """Pairs of (label, text up to the next label) for every label found."""
    matches = list(pattern.finditer(text))
    if not matches:
        return []
    ends = [match.start() for match in matches[1:]] + [len(text)]
    return [
        (match.group(1), text[match.end() : end])
        for match, end in zip(matches, ends, strict=True)
    ]


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def _as_date(value: Any) -> date:
    return date(value.year, value.month, value.day)
