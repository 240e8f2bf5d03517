"""The bank statements of the rooms' business accounts: one CAMT.053 file a
month, written as the room's bank would from what went over the account, and
read by the platform's own importer, which matches what it can by itself."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from buurtwerkkamer.finance.banking import import_statement_file, match_by_hand
from buurtwerkkamer.finance.constants import LIVE_TRANSFERS
from buurtwerkkamer.finance.models import BankTransaction, Expense, Transfer
from buurtwerkkamer.finance.services import cooperative_account

from ..context import Demo, add_months
from ..facts.finance import NOT_YET_BOOKED, PURCHASES, Purchase
from .books import Books
from .petty_cash import payday

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"
# Bank transaction codes (ISO 20022): payments, received and issued credit
# transfers, card payments.
CREDIT_TRANSFER_IN = ("PMNT", "RCDT", "ESCT")
CARD_PAYMENT = ("PMNT", "CCRD", "POSD")
CARD_REFUND = ("PMNT", "CCRD", "RIMB")
# The shop a card payment went to, as the bank statement names it.
SHOPS = {each.description: each.shop for each in (*PURCHASES, NOT_YET_BOOKED)}


@dataclass(frozen=True)
class Line:
    """One entry as the bank books it: credits positive, debits negative."""

    booked: date
    amount: Decimal
    counterparty: str
    code: tuple[str, str, str]
    counterparty_iban: str = ""
    end_to_end_id: str = ""
    remittance: str = ""
    refund: Expense | None = None


def lines_of(
    books: Books,
    month: date,
    *,
    unbooked: tuple[Expense, ...] = (),
    unrecorded: tuple[tuple[date, Purchase], ...] = (),
) -> list[Line]:
    """The month on the room's account: the petty cash coming in, each card
    payment and refund. Left out: expenses the bank books next month; added:
    card payments nobody recorded."""
    after = add_months(month, 1)
    account = cooperative_account()
    lines = [
        Line(
            payday(month),
            transfer.amount,
            account.name,
            CREDIT_TRANSFER_IN,
            counterparty_iban=account.iban,
            end_to_end_id=transfer.end_to_end_id,
            remittance=f"Handgeld {month:%m-%Y} {books.room.name}",
        )
        for transfer in Transfer.objects.filter(
            room=books.room, month=month, status__in=LIVE_TRANSFERS
        )
    ]
    expenses = Expense.objects.filter(
        room=books.room, spent_on__gte=month, spent_on__lt=after
    ).exclude(pk__in=[expense.pk for expense in unbooked])
    for expense in expenses.select_related("refund_of"):
        lines.append(_card_line(expense, after))
    lines += [
        Line(day, -purchase.amount, purchase.shop, CARD_PAYMENT, remittance="Betaalpas")
        for day, purchase in unrecorded
    ]
    return sorted(lines, key=lambda line: line.booked)


def _card_line(expense: Expense, after: date) -> Line:
    # Card payments are booked the next day, within the month.
    booked = min(expense.spent_on + timedelta(days=1), after - timedelta(days=1))
    bought = expense.refund_of or expense
    shop = SHOPS.get(bought.description, "Betaalautomaat")
    if expense.refund_of is not None:
        return Line(
            booked,
            expense.amount,
            shop,
            CARD_REFUND,
            remittance="Terugbetaling betaalpas",
            refund=expense,
        )
    return Line(booked, -expense.amount, shop, CARD_PAYMENT, remittance="Betaalpas")


def import_month(demo: Demo, books: Books, month: date, lines: list[Line]) -> None:
    """Write the month's statement, import it as the treasurer, and match the
    refunds by hand: the importer matches only what goes out by itself."""
    treasurer = demo.users["penningmeester"]
    references = [_reference(books, month, n) for n in range(1, len(lines) + 1)]
    data = statement_xml(books, month, lines, references)
    name = f"camt053-{books.money.code}-{month:%Y-%m}.xml"
    import_statement_file(SimpleUploadedFile(name, data, "application/xml"), treasurer)
    books.statements += 1
    books.bank_balance += sum((line.amount for line in lines), Decimal("0.00"))
    iban = books.room.bank_iban
    for line, reference in zip(lines, references, strict=True):
        if line.refund is not None:
            row = BankTransaction.objects.get(
                account_iban=iban, bank_reference=reference
            )
            match_by_hand(row, treasurer, expense=line.refund)


def _reference(books: Books, month: date, number: int) -> str:
    return f"{books.money.code}{month:%Y%m}{number:04d}"


def statement_xml(
    books: Books, month: date, lines: list[Line], references: list[str]
) -> bytes:
    """A CAMT.053.001.02 statement of one month, opening at the balance the
    previous one closed at."""
    after = add_months(month, 1)
    created = datetime.combine(after, time(6, 0)).isoformat()
    closing = books.bank_balance + sum((line.amount for line in lines), Decimal(0))
    document = etree.Element("Document", nsmap={None: NAMESPACE})
    report = _add(document, "BkToCstmrStmt")
    header = _add(report, "GrpHdr")
    _add(header, "MsgId", f"{books.money.code}-{month:%Y%m}-{books.statements + 1}")
    _add(header, "CreDtTm", created)
    statement = _add(report, "Stmt")
    _add(statement, "Id", f"{books.money.code}-{month:%Y-%m}")
    _add(statement, "ElctrncSeqNb", str(books.statements + 1))
    _add(statement, "CreDtTm", created)
    account = _add(statement, "Acct")
    _add(_add(account, "Id"), "IBAN", books.room.bank_iban)
    _add(account, "Ccy", "EUR")
    _balance(statement, "OPBD", books.bank_balance, month)
    _balance(statement, "CLBD", closing, after - timedelta(days=1))
    for line, reference in zip(lines, references, strict=True):
        _entry(statement, line, reference)
    return bytes(
        etree.tostring(
            document, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )
    )


def _add(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    element.text = text
    return element


def _amount(parent: etree._Element, amount: Decimal) -> None:
    _add(parent, "Amt", f"{abs(amount):.2f}").set("Ccy", "EUR")
    _add(parent, "CdtDbtInd", "CRDT" if amount >= 0 else "DBIT")


def _balance(statement: etree._Element, code: str, amount: Decimal, day: date) -> None:
    balance = _add(statement, "Bal")
    _add(_add(_add(balance, "Tp"), "CdOrPrtry"), "Cd", code)
    _amount(balance, amount)
    _add(_add(balance, "Dt"), "Dt", day.isoformat())


def _entry(statement: etree._Element, line: Line, reference: str) -> None:
    entry = _add(statement, "Ntry")
    _amount(entry, line.amount)
    _add(entry, "Sts", "BOOK")
    _add(_add(entry, "BookgDt"), "Dt", line.booked.isoformat())
    _add(_add(entry, "ValDt"), "Dt", line.booked.isoformat())
    _add(entry, "AcctSvcrRef", reference)
    domain = _add(_add(entry, "BkTxCd"), "Domn")
    _add(domain, "Cd", line.code[0])
    family = _add(domain, "Fmly")
    _add(family, "Cd", line.code[1])
    _add(family, "SubFmlyCd", line.code[2])
    details = _add(_add(entry, "NtryDtls"), "TxDtls")
    _add(_add(details, "Refs"), "EndToEndId", line.end_to_end_id or "NOTPROVIDED")
    # The counterparty pays what comes in and is paid what goes out.
    side = "Dbtr" if line.amount >= 0 else "Cdtr"
    parties = _add(details, "RltdPties")
    _add(_add(parties, side), "Nm", line.counterparty)
    if line.counterparty_iban:
        _add(_add(_add(parties, f"{side}Acct"), "Id"), "IBAN", line.counterparty_iban)
    if line.remittance:
        _add(_add(details, "RmtInf"), "Ustrd", line.remittance)
