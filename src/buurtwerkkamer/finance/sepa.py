"""SEPA credit-transfer files (pain.001) built from plain values, and read back.

No models and no database: the caller hands over the debtor and one batch of
payments, and gets the XML bytes of a file that the official XSD accepts. The
XML itself is written by the sepaxml library; this module adds the rules that
library leaves to us (IBAN check, amounts, the SEPA character set, identifiers
we choose ourselves so the bank statement can be matched later).
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from django.utils.translation import gettext as _
from lxml import etree
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException
from sepaxml import SepaTransfer

logger = logging.getLogger(__name__)

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999.99")
# EPC implementation guidelines: names 70, unstructured remittance 140, and
# identifiers 35 characters (Max35Text).
NAME_LENGTH = 70
REMITTANCE_LENGTH = 140
ID_LENGTH = 35

# The Latin character set every SEPA bank must accept (EPC217-08).
SEPA_TEXT = re.compile(r"[A-Za-z0-9/\-?:().,'+ ]*")
ID_PATTERN = re.compile(r"[A-Za-z0-9/\-?:().,'+ ]+")

# Letters that Unicode decomposition does not reduce to ASCII, and punctuation
# with an obvious stand-in. "&" becomes "+": it keeps the length and the place
# of the sign, which matters when the bank compares the name with the IBAN.
TRANSLITERATION = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "&": "+",
        "‘": "'",
        "’": "'",
        "‚": "'",
        "`": "'",
        "´": "'",
        '"': "'",
        "“": "'",
        "”": "'",
        "„": "'",
        "–": "-",
        "—": "-",
        "_": "-",
        ";": ",",
        "€": "EUR",
    }
)


class PainVersion(StrEnum):
    """The pain.001 versions we write; a bank setting chooses one later."""

    V09 = "pain.001.001.09"
    V03 = "pain.001.001.03"


class SepaError(ValueError):
    """Input that cannot go into a SEPA file, with a message for the treasurer."""

    def __init__(self, message: str, *, code: str, reference: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.reference = reference


@dataclass(frozen=True)
class Address:
    """A structured postal address; town and country are needed once any is set."""

    street: str = ""
    building_number: str = ""
    postcode: str = ""
    town: str = ""
    country: str = ""


@dataclass(frozen=True)
class Debtor:
    """The account the money leaves: the cooperative's own."""

    name: str
    iban: str
    bic: str | None = None


@dataclass(frozen=True)
class Payment:
    """One transfer; the creditor name is the exact account-holder name."""

    creditor_name: str
    creditor_iban: str
    amount: Decimal
    remittance: str
    end_to_end_id: str
    address: Address | None = None


@dataclass(frozen=True)
class Batch:
    """One message with one payment-information block, all on one date."""

    message_id: str
    batch_id: str
    execution_date: date
    payments: tuple[Payment, ...]


@dataclass(frozen=True)
class TransferLine:
    """What a file says about one transfer, as needed to match a statement."""

    end_to_end_id: str
    amount: Decimal
    creditor_name: str
    creditor_iban: str


@dataclass(frozen=True)
class Pain001Summary:
    """A pain.001 file that passed the schema and whose totals add up."""

    version: str
    message_id: str
    number_of_transactions: int
    control_sum: Decimal
    lines: tuple[TransferLine, ...]


def build_credit_transfer(
    debtor: Debtor, batch: Batch, version: PainVersion = PainVersion.V09
) -> bytes:
    """Return the XML of a credit-transfer file, checked against the XSD.

    Raises SepaError for the first input that breaks a SEPA rule.
    """
    if not batch.payments:
        raise SepaError(_("A batch without payments cannot be exported."), code="empty")
    message_id = _identifier(batch.message_id, _("message id"), "")
    batch_id = _identifier(batch.batch_id, _("batch id"), "")
    config: dict[str, Any] = {
        "name": _text(debtor.name, _("debtor name"), "", NAME_LENGTH),
        "IBAN": _iban(debtor.iban, ""),
        "currency": "EUR",
        "batch": True,
    }
    if debtor.bic:
        config["BIC"] = _bic(debtor.bic)

    transfer = _FixedIdTransfer(config, version, message_id, batch_id)
    seen: set[str] = set()
    for payment in batch.payments:
        if payment.end_to_end_id in seen:
            raise SepaError(
                _("End-to-end id %(id)s occurs more than once in the batch.")
                % {"id": payment.end_to_end_id},
                code="duplicate_id",
                reference=payment.end_to_end_id,
            )
        seen.add(payment.end_to_end_id)
        transfer.add_payment(_payment_dict(payment, batch.execution_date, version))

    xml = _export(transfer, str(version))
    logger.info(
        "SEPA credit transfer built: message %s, %d payments, %s",
        message_id,
        len(batch.payments),
        version,
    )
    return xml


def read_transfers(xml: bytes) -> list[TransferLine]:
    """The end-to-end ids, amounts and creditors of a pain.001 file, in order."""
    root = _parse(xml)
    return _lines(root, _namespace(root))


def check_pain001(xml: bytes) -> Pain001Summary:
    """Check a pain.001 file: schema, then counts and control sums per level.

    Works for files of other makers too (the sample files of other projects), so
    a file we produce can be read back the same way as theirs.
    """
    root = _parse(xml)
    namespace = _namespace(root)
    version = namespace.rsplit(":", 1)[-1]
    schema = _schema(version)
    if not schema.validate(root):
        raise SepaError(
            _("The file does not follow the %(version)s schema: %(error)s")
            % {"version": version, "error": schema.error_log.last_error},
            code="schema",
        )

    header = root.find(f"{{{namespace}}}CstmrCdtTrfInitn/{{{namespace}}}GrpHdr")
    for block in [header, *root.iterfind(f".//{{{namespace}}}PmtInf")]:
        _check_totals(block, namespace)
    lines = _lines(root, namespace)
    return Pain001Summary(
        version=version,
        message_id=header.findtext(f"{{{namespace}}}MsgId"),
        number_of_transactions=len(lines),
        control_sum=sum((line.amount for line in lines), Decimal("0.00")),
        lines=tuple(lines),
    )


class _FixedIdTransfer(SepaTransfer):  # type: ignore[misc]
    """sepaxml with our own message and batch ids instead of random ones.

    The library draws both at random; we need ours in the file so that the bank
    statement, which echoes them, can be matched to the batch. The two hooks
    below are where sepaxml 2.x writes them; the lock file pins that version.
    """

    def __init__(
        self,
        config: dict[str, Any],
        version: PainVersion,
        message_id: str,
        batch_id: str,
    ) -> None:
        self._message_id = message_id
        self._batch_id = batch_id
        # clean=False: sepaxml would transliterate silently with unidecode and
        # drop what it cannot map; we prefer to refuse such text with a message.
        super().__init__(config, schema=str(version), clean=False)

    def _create_header(self) -> None:
        self.msg_id = self._message_id
        super()._create_header()

    def _finalize_batch(self) -> None:
        super()._finalize_batch()
        for node in self._xml.iter("PmtInfId"):
            node.text = self._batch_id


def _export(transfer: _FixedIdTransfer, version: str) -> bytes:
    # sepaxml can validate too, but it builds its schema anew on every call
    # (about a second); the same official XSD, parsed once, checks it here.
    xml: bytes = transfer.export(validate=False)
    schema = _schema(version)
    if not schema.validate(etree.fromstring(xml)):
        raise SepaError(
            _("The SEPA file does not pass the official schema: %(error)s")
            % {"error": schema.error_log.last_error},
            code="schema",
        )
    return xml


def _payment_dict(
    payment: Payment, execution_date: date, version: PainVersion
) -> dict[str, Any]:
    reference = payment.end_to_end_id
    end_to_end_id = _identifier(reference, _("end-to-end id"), reference)
    result: dict[str, Any] = {
        "name": _text(
            payment.creditor_name, _("creditor name"), reference, NAME_LENGTH
        ),
        "IBAN": _iban(payment.creditor_iban, reference),
        "amount": _cents(payment.amount, reference),
        "description": _text(
            payment.remittance, _("remittance text"), reference, REMITTANCE_LENGTH
        ),
        "endtoend_id": end_to_end_id,
        "execution_date": execution_date,
    }
    if payment.address is not None:
        result["address"] = _address(payment.address, reference, version)
    return result


def _text(value: str, field: str, reference: str, length: int) -> str:
    """Reduce text to the SEPA character set and cut it to the allowed length."""
    text = unicodedata.normalize("NFKD", value.translate(TRANSLITERATION))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = " ".join(text.split())
    params = {"field": field, "payment": reference}
    if not text:
        message = (
            _("Payment %(payment)s: the %(field)s is empty.")
            if reference
            else _("The %(field)s is empty.")
        )
        raise SepaError(message % params, code="empty_text", reference=reference)
    if not SEPA_TEXT.fullmatch(text):
        params["char"] = repr(next(c for c in text if not SEPA_TEXT.fullmatch(c)))
        message = (
            _("Payment %(payment)s: the %(field)s holds %(char)s, not allowed in SEPA.")
            if reference
            else _("The %(field)s holds %(char)s, not allowed in SEPA.")
        )
        raise SepaError(message % params, code="character", reference=reference)
    return text[:length].rstrip()


def _identifier(value: str, field: str, reference: str) -> str:
    """Identifiers are kept as given, since the statement must echo them exactly."""
    params = {"field": field, "id": value}
    if len(value) > ID_LENGTH:
        message = _("%(id)s (%(field)s) is longer than 35 characters.")
    elif not ID_PATTERN.fullmatch(value) or value != value.strip():
        message = _("%(id)s (%(field)s) is empty or has characters not allowed.")
    elif value.startswith("/") or value.endswith("/") or "//" in value:
        # EPC rule: no leading or trailing slash and no double slash.
        message = _("%(id)s (%(field)s) may not start or end with / or hold //.")
    else:
        return value
    raise SepaError(message % params, code="identifier", reference=reference)


def _iban(value: str, reference: str) -> str:
    try:
        return str(IBAN(value).compact)
    except SchwiftyException as error:
        message = (
            _("Payment %(payment)s: %(iban)s is not a valid IBAN.")
            if reference
            else _("The debtor IBAN %(iban)s is not valid.")
        )
        params = {"iban": value, "payment": reference}
        raise SepaError(message % params, code="iban", reference=reference) from error


def _bic(value: str) -> str:
    try:
        return str(BIC(value).compact)
    except SchwiftyException as error:
        raise SepaError(
            _("%(bic)s is not a valid BIC.") % {"bic": value}, code="bic"
        ) from error


def _cents(amount: Decimal, reference: str) -> int:
    """The amount in whole cents, after the rules for a SEPA amount."""
    params = {"amount": amount, "payment": reference}
    if not isinstance(amount, Decimal) or not amount.is_finite():
        message = _("Payment %(payment)s: the amount %(amount)s is not a number.")
    elif amount <= 0:
        message = _("Payment %(payment)s: the amount must be more than zero.")
    elif amount != amount.quantize(CENT):
        message = _("Payment %(payment)s: the amount %(amount)s has over 2 decimals.")
    elif amount > MAX_AMOUNT:
        message = _("Payment %(payment)s: the amount %(amount)s is too large.")
    else:
        return int(amount * 100)
    raise SepaError(message % params, code="amount", reference=reference)


def _address(address: Address, reference: str, version: PainVersion) -> dict[str, Any]:
    """The address in the form each version's guidelines accept.

    The EPC guidelines for .09 take the structured fields; those for .03 allow
    only a country and two free address lines, so the fields are joined there.
    """
    country = address.country.upper()
    if not re.fullmatch(r"[A-Z]{2}", country) or not address.town.strip():
        raise SepaError(
            _("Payment %(payment)s: the address needs a town and a country code.")
            % {"payment": reference},
            code="address",
            reference=reference,
        )

    def clean(value: str, length: int) -> str:
        return _text(value, _("address"), reference, length) if value.strip() else ""

    street = clean(address.street, 70)
    number = clean(address.building_number, 16)
    postcode = clean(address.postcode, 16)
    town = clean(address.town, 35)
    if version is PainVersion.V03:
        lines = [f"{street} {number}".strip(), f"{postcode} {town}".strip()]
        return {"country": country, "lines": [line[:70] for line in lines if line]}
    fields = {
        "street_name": street,
        "building_number": number,
        "postcode": postcode,
        "town": town,
        "country": country,
    }
    return {key: value for key, value in fields.items() if value}


def _parse(xml: bytes) -> Any:
    """Parse without entities, DTDs or network: the file may come from outside."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise SepaError(
            _("The pain.001 file is not well-formed XML: %(error)s") % {"error": error},
            code="syntax",
        ) from error
    if root.getroottree().docinfo.doctype:
        raise SepaError(_("The file holds a DOCTYPE, which we refuse."), code="dtd")
    return root


def _namespace(root: Any) -> str:
    namespace = etree.QName(root).namespace or ""
    if not namespace.startswith("urn:iso:std:iso:20022:tech:xsd:pain.001."):
        raise SepaError(
            _("The file is not a SEPA credit transfer (pain.001)."), code="kind"
        )
    return namespace


@cache
def _schema(version: str) -> Any:
    """The official XSD for a version, from the copies sepaxml ships."""
    path = resources.files("sepaxml") / "schemas" / f"{version}.xsd"
    if not path.is_file():
        raise SepaError(
            _("Version %(version)s of pain.001 is not supported.")
            % {"version": version},
            code="version",
        )
    return etree.XMLSchema(etree.parse(str(path)))


def _lines(root: Any, namespace: str) -> list[TransferLine]:
    def text(node: Any, path: str) -> str:
        found = node.find(
            "/".join(f"{{{namespace}}}{part}" for part in path.split("/"))
        )
        return str(found.text) if found is not None and found.text else ""

    return [
        TransferLine(
            end_to_end_id=text(node, "PmtId/EndToEndId"),
            amount=Decimal(text(node, "Amt/InstdAmt") or "0"),
            creditor_name=text(node, "Cdtr/Nm"),
            creditor_iban=text(node, "CdtrAcct/Id/IBAN"),
        )
        for node in root.iterfind(f".//{{{namespace}}}CdtTrfTxInf")
    ]


def _check_totals(block: Any, namespace: str) -> None:
    """NbOfTxs and the optional CtrlSum of a header or batch match its payments."""
    amounts = _amounts(block, namespace)
    stated_count = int(block.findtext(f"{{{namespace}}}NbOfTxs"))
    stated_sum = block.findtext(f"{{{namespace}}}CtrlSum")
    if stated_count != len(amounts) or (
        stated_sum is not None and Decimal(stated_sum) != sum(amounts, Decimal(0))
    ):
        raise SepaError(
            _("The counts or control sums in the file do not add up."),
            code="totals",
        )


def _amounts(block: Any, namespace: str) -> list[Decimal]:
    # The group header counts every payment of the message, a batch its own.
    is_header = etree.QName(block).localname == "GrpHdr"
    scope = block.getparent() if is_header else block
    return [
        Decimal(node.text) for node in scope.iterfind(f".//{{{namespace}}}InstdAmt")
    ]
