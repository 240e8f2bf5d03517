"""Agreements, funding applications and their paper: each made through the services
of the apps they belong to, with a small generated PDF where a signed copy or a
decision letter belongs."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.brokering.constants import AgreementKind, FundingStatus
from buurtwerkkamer.brokering.models import Agreement, FundingApplication
from buurtwerkkamer.brokering.queries import parties_for
from buurtwerkkamer.brokering.services import (
    attach_signed_document,
    create_agreement,
    record_signature,
    save_funding_application,
    set_commitment,
)
from buurtwerkkamer.core.money import format_eur
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.rooms.models import Room

from .context import Demo, month_start, period_end, signatory
from .facts import FundingFact

NOTICE = "Demonstratiedocument met verzonnen gegevens."
DECIDED = {FundingStatus.GRANTED, FundingStatus.PARTLY_GRANTED, FundingStatus.REJECTED}
GRANTED = {FundingStatus.GRANTED, FundingStatus.PARTLY_GRANTED}


def _pdf_text(text: str) -> bytes:
    # The standard Helvetica font reads WinAnsi (cp1252); brackets and backslashes
    # are special inside a PDF string.
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252", errors="replace")


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and lines of text."""
    content = b"BT /F1 16 Tf 56 780 Td (" + _pdf_text(title) + b") Tj /F1 11 Tf"
    for line in [*lines, "", NOTICE]:
        content += b" 0 -20 Td (" + _pdf_text(line) + b") Tj"
    content += b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    """Number the objects and write the cross-reference table readers look up."""
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    return pdf + b"startxref\n%d\n%%%%EOF\n" % xref


def store_pdf(
    room: Room, user: User, title: str, lines: list[str], kind: DocumentKind
) -> Document:
    name = f"{title.lower().replace(' ', '-')}.pdf"
    upload = SimpleUploadedFile(name, simple_pdf(title, lines), "application/pdf")
    return store_document(upload, title=title, user=user, room_id=room.pk, kind=kind)


def title_of(kind: AgreementKind, room: Room, year: int | None = None) -> str:
    # Titles are data, written in Dutch as the partners would name the paper.
    if kind == AgreementKind.LETTER_OF_INTENT:
        return f"Intentieverklaring {room.name}"
    if kind == AgreementKind.PARTNERSHIP:
        return f"Meerjarige verbinding {room.name}"
    if kind == AgreementKind.ANNUAL:
        return f"Jaarafspraak {room.name} {year}"
    return f"Samenwerkingsafspraken {room.name}"


def signed_agreement(
    demo: Demo,
    room: Room,
    *,
    kind: AgreementKind,
    parties: tuple[str, ...],
    signed_from: date,
    user: User,
    period: tuple[date, date | None],
    commitments: tuple[tuple[str, Decimal | None, str], ...] = (),
) -> Agreement:
    """An agreement that every party signed, three days apart from `signed_from`;
    the signed copy is attached. Parties state their `commitments` (organisation
    slug, amount, in kind) before they sign."""
    title = title_of(kind, room)
    agreement = create_agreement(
        room,
        kind=kind,
        title=title,
        parties=demo.orgs(*parties),
        starts_on=period[0],
        ends_on=period[1],
    )
    committed = {slug: (amount, in_kind) for slug, amount, in_kind in commitments}
    for party in parties_for(agreement):
        if party.organisation.slug in committed:
            set_commitment(party, *committed[party.organisation.slug], user)
    sign_all(demo, agreement, signed_from=signed_from, user=user)
    return agreement


def sign_all(
    demo: Demo, agreement: Agreement, *, signed_from: date, user: User, parties: int = 0
) -> None:
    """Every party (or the first `parties`) signs, three days apart from
    `signed_from`; when all did, the signed copy is attached."""
    lines = ["Ondertekend door:"]
    signing = list(parties_for(agreement))
    for index, party in enumerate(signing[:parties] if parties else signing):
        signed_on = signed_from + timedelta(days=3 * index)
        signer = signatory(party.organisation.slug)
        record_signature(party, signed_on=signed_on, signed_by=signer, today=demo.today)
        lines.append(f"{party.organisation}: {signer} op {signed_on:%d-%m-%Y}")
    if parties:
        return
    title = f"{agreement.title} (getekend)"
    document = store_pdf(agreement.room, user, title, lines, DocumentKind.AGREEMENT)
    attach_signed_document(agreement, document)


def funding_application(
    demo: Demo, room: Room, fact: FundingFact, *, opened: date | None, user: User
) -> FundingApplication:
    """An application whose dates either follow the room's opening (submitted some
    nine months before, decided seven) or are given relative to today."""
    if fact.submitted_ago is None and opened is not None:
        submitted: date | None = opened - timedelta(days=260)
        decided: date | None = opened - timedelta(days=200)
        start = opened.replace(day=1)
    else:
        submitted = demo.day(fact.submitted_ago) if fact.submitted_ago else None
        decided = None
        start = month_start(demo.day(-(fact.period_starts_in or 0)))
    application = FundingApplication(
        room=room,
        funder=demo.organisations[fact.funder],
        title=fact.title,
        amount_requested=fact.requested,
        period_start=start,
        period_end=period_end(start, fact.months),
        status=fact.status,
        submitted_on=None if fact.status == FundingStatus.DRAFT else submitted,
        decided_on=decided if fact.status in DECIDED else None,
        decision_expected_on=demo.day(-fact.expected_in) if fact.expected_in else None,
        amount_granted=fact.granted,
    )
    if fact.status in GRANTED:
        application.document = _decision_letter(room, fact, decided, user)
    return save_funding_application(application)


def _decision_letter(
    room: Room, fact: FundingFact, decided: date | None, user: User
) -> Document:
    lines = [
        f"Aanvraag: {fact.title}",
        f"Gevraagd: {format_eur(fact.requested)}",
        f"Toegekend: {format_eur(fact.granted)}",
        f"Besluit van {decided:%d-%m-%Y}" if decided else "",
    ]
    return store_pdf(room, user, f"Besluit {fact.title}", lines, DocumentKind.FUNDING)
