"""Importing bank statements once, reporting chain breaks, and matching the
transactions to transfers and expenses."""

import datetime
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from buurtwerkkamer.core.models import Job
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.finance import banking, services
from buurtwerkkamer.finance.banking import importing
from buurtwerkkamer.finance.models import BankStatement, BankTransaction
from buurtwerkkamer.finance.statements import parse_statement_file
from buurtwerkkamer.rooms.models import Room
from tests.factories import CooperativeAccountFactory, ExpenseFactory
from tests.personas import World

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
MULTI = SAMPLES / "camt053" / "genkgo+camt" / "camt053.v2.multi.statement.xml"
RABO = SAMPLES / "mt940" / "fruitl00p+php-mt940" / "Rabo" / "sample3"
BROKEN = SAMPLES / "camt053" / "newinnovations+camt053" / "error-camt053.xml"

NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"
ROOM_IBAN = "NL39RABO0300065264"
COOP_IBAN = "NL02ABNA0123456789"


def upload(data: bytes, name: str = "afschrift.xml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def sample(path: Path) -> SimpleUploadedFile:
    return upload(path.read_bytes(), path.name)


def account_of(path: Path) -> str:
    return parse_statement_file(path.read_bytes(), path.name)[0].account


def own(room: Room, iban: str) -> None:
    Room.objects.filter(pk=room.pk).update(bank_iban=iban)
    room.refresh_from_db()


def ntry(ref: str, amount: str, *, debit: bool = False, e2e: str = "") -> str:
    details = (
        f"<NtryDtls><TxDtls><Refs><EndToEndId>{e2e}</EndToEndId></Refs>"
        "</TxDtls></NtryDtls>"
        if e2e
        else ""
    )
    return (
        f'<Ntry><Amt Ccy="EUR">{amount}</Amt>'
        f"<CdtDbtInd>{'DBIT' if debit else 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>"
        "<BookgDt><Dt>2026-12-04</Dt></BookgDt>"
        f"<AcctSvcrRef>{ref}</AcctSvcrRef>{details}</Ntry>"
    )


def balance(code: str, amount: str, day: str) -> str:
    side = "DBIT" if amount.startswith("-") else "CRDT"
    return (
        f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>"
        f'<Amt Ccy="EUR">{amount.lstrip("-")}</Amt><CdtDbtInd>{side}</CdtDbtInd>'
        f"<Dt><Dt>{day}</Dt></Dt></Bal>"
    )


def camt(
    iban: str,
    entries: str = "",
    *,
    opening: str = "0.00",
    closing: str = "0.00",
    statement: str = "S1",
) -> bytes:
    """A small camt.053.001.02 file of one statement on 4 December 2026."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="{NS}"><BkToCstmrStmt><GrpHdr><MsgId>M-{statement}</MsgId>
<CreDtTm>2026-12-04T10:00:00</CreDtTm></GrpHdr><Stmt><Id>{statement}</Id>
<CreDtTm>2026-12-04T10:00:00</CreDtTm>
<Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
{balance("OPBD", opening, "2026-12-03")}{balance("CLBD", closing, "2026-12-04")}
{entries}</Stmt></BkToCstmrStmt></Document>""".encode()


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    # The messages are checked in their English source text.
    with translation.override("en"):
        yield


@pytest.fixture
def treasurer(world: World):  # noqa: ANN201
    return world.users["treasurer"]


# Importing.


def test_a_real_camt053_file_of_a_rooms_account_is_imported(
    world: World, treasurer
) -> None:
    own(world.room, account_of(MULTI))

    result = banking.import_statement_file(sample(MULTI), treasurer)

    assert (result.statements, result.added, result.skipped) == (2, 2, 0)
    assert result.warnings == []
    statements = BankStatement.objects.filter(room=world.room)
    assert sorted(s.closing_balance for s in statements) == [
        Decimal("20.00"),
        Decimal("27.00"),
    ]
    assert BankTransaction.objects.filter(room=world.room).count() == 2
    assert statements.first().file.kind == DocumentKind.STATEMENT


def test_a_real_mt940_file_of_a_rooms_account_is_imported(
    world: World, treasurer
) -> None:
    own(world.room, account_of(RABO))

    result = banking.import_statement_file(sample(RABO), treasurer)

    assert (result.statements, result.added) == (2, 12)
    assert BankTransaction.objects.filter(room=world.room).count() == 12


def test_importing_the_same_file_twice_adds_nothing(world: World, treasurer) -> None:
    own(world.room, account_of(MULTI))
    banking.import_statement_file(sample(MULTI), treasurer)
    documents = Document.objects.count()

    again = banking.import_statement_file(sample(MULTI), treasurer)

    assert (again.statements, again.added, again.skipped) == (0, 0, 2)
    assert BankStatement.objects.count() == 2
    assert BankTransaction.objects.count() == 2
    assert Document.objects.count() == documents


def test_a_statement_of_an_unknown_account_is_refused_and_nothing_stored(
    world: World, treasurer
) -> None:
    with pytest.raises(ValidationError) as refused:
        banking.import_statement_file(sample(MULTI), treasurer)

    assert account_of(MULTI) in refused.value.messages[0]
    assert "Nothing was imported" in refused.value.messages[0]
    assert BankStatement.objects.count() == 0
    assert Document.objects.count() == 0


def test_a_hostile_file_is_refused_and_nothing_stored(world: World, treasurer) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Document>&b;</Document>'
    )

    with pytest.raises(ValidationError) as refused:
        banking.import_statement_file(upload(laughs), treasurer)

    assert refused.value.messages[0]
    assert BankStatement.objects.count() == 0
    assert Document.objects.count() == 0


def test_a_file_that_is_no_statement_is_refused(world: World, treasurer) -> None:
    with pytest.raises(ValidationError) as refused:
        banking.import_statement_file(upload(b"Datum;Bedrag\n1;2\n"), treasurer)

    assert "not a bank statement" in refused.value.messages[0]
    assert Document.objects.count() == 0


def test_a_statement_that_does_not_add_up_is_reported(world: World, treasurer) -> None:
    own(world.room, account_of(BROKEN))

    result = banking.import_statement_file(sample(BROKEN), treasurer)

    assert result.added == 2
    assert len(result.warnings) == 1
    assert "should close at 950.00" in result.warnings[0]
    assert BankStatement.objects.get().warnings == result.warnings[0]


def test_a_gap_between_imports_is_reported(world: World, treasurer) -> None:
    own(world.room, ROOM_IBAN)
    first = camt(ROOM_IBAN, ntry("A1", "40.00"), opening="0.00", closing="40.00")
    banking.import_statement_file(upload(first), treasurer)

    later = camt(
        ROOM_IBAN, ntry("A9", "5.00"), opening="60.00", closing="65.00", statement="S3"
    )
    result = banking.import_statement_file(upload(later), treasurer)

    assert len(result.warnings) == 1
    assert "opens at 60.00" in result.warnings[0]
    assert "closed at 40.00" in result.warnings[0]


# Matching.


def test_our_end_to_end_id_matches_the_transfer_on_both_accounts(
    world: World, treasurer
) -> None:
    CooperativeAccountFactory(iban=COOP_IBAN)
    own(world.room, ROOM_IBAN)
    transfer = services.approve_transfer(
        world.room, datetime.date(2026, 12, 1), Decimal("120.00"), treasurer
    )
    arrived = ntry("R1", "120.00", e2e=transfer.end_to_end_id)
    left = ntry("C1", "120.00", debit=True, e2e=transfer.end_to_end_id)

    room_side = banking.import_statement_file(
        upload(camt(ROOM_IBAN, arrived, closing="120.00")), treasurer
    )
    coop_side = banking.import_statement_file(
        upload(camt(COOP_IBAN, left, opening="500.00", closing="380.00")), treasurer
    )

    assert (room_side.matched, coop_side.matched) == (1, 1)
    rows = BankTransaction.objects.filter(transfer=transfer)
    assert {row.account_iban for row in rows} == {ROOM_IBAN, COOP_IBAN}
    assert all(row.matched_by is None and row.matched_at for row in rows)


def test_an_end_to_end_id_with_another_amount_stays_unmatched(
    world: World, treasurer
) -> None:
    CooperativeAccountFactory(iban=COOP_IBAN)
    own(world.room, ROOM_IBAN)
    transfer = services.approve_transfer(
        world.room, datetime.date(2026, 12, 1), Decimal("120.00"), treasurer
    )
    entry = ntry("R1", "100.00", e2e=transfer.end_to_end_id)

    result = banking.import_statement_file(
        upload(camt(ROOM_IBAN, entry, closing="100.00")), treasurer
    )

    assert result.matched == 0
    assert BankTransaction.objects.get().transfer is None


def test_a_debit_that_fits_one_expense_is_matched(world: World, treasurer) -> None:
    own(world.room, ROOM_IBAN)
    expense = ExpenseFactory(
        room=world.room, amount=Decimal("12.50"), spent_on=datetime.date(2026, 12, 2)
    )

    result = banking.import_statement_file(
        upload(camt(ROOM_IBAN, ntry("D1", "12.50", debit=True), closing="-12.50")),
        treasurer,
    )

    assert result.matched == 1
    assert BankTransaction.objects.get().expense == expense


def test_a_debit_that_fits_two_expenses_is_left_for_the_treasurer(
    world: World, treasurer
) -> None:
    own(world.room, ROOM_IBAN)
    day = datetime.date(2026, 12, 3)
    ExpenseFactory(room=world.room, amount=Decimal("12.50"), spent_on=day)
    chosen = ExpenseFactory(room=world.room, amount=Decimal("12.50"), spent_on=day)
    banking.import_statement_file(
        upload(camt(ROOM_IBAN, ntry("D1", "12.50", debit=True), closing="-12.50")),
        treasurer,
    )
    row = BankTransaction.objects.get()
    assert not row.is_matched
    assert chosen in banking.candidates(row)

    banking.match_by_hand(row, treasurer, expense=chosen)

    row.refresh_from_db()
    assert row.expense == chosen
    assert row.matched_by == treasurer


def test_an_expense_of_another_room_cannot_be_matched_by_hand(
    world: World, treasurer
) -> None:
    own(world.room, ROOM_IBAN)
    banking.import_statement_file(
        upload(camt(ROOM_IBAN, ntry("D1", "9.00", debit=True), closing="-9.00")),
        treasurer,
    )
    elsewhere = ExpenseFactory(room=world.other_room, amount=Decimal("9.00"))

    with pytest.raises(ValidationError, match="another room"):
        banking.match_by_hand(
            BankTransaction.objects.get(), treasurer, expense=elsewhere
        )

    assert BankTransaction.objects.get().expense is None


def test_an_expense_matched_already_cannot_be_matched_twice(
    world: World, treasurer
) -> None:
    own(world.room, ROOM_IBAN)
    expense = ExpenseFactory(
        room=world.room, amount=Decimal("9.00"), spent_on=datetime.date(2026, 12, 4)
    )
    entries = ntry("D1", "9.00", debit=True) + ntry("D2", "9.00", debit=True)
    banking.import_statement_file(
        upload(camt(ROOM_IBAN, entries, closing="-18.00")), treasurer
    )
    second = BankTransaction.objects.get(expense__isnull=True)

    with pytest.raises(ValidationError, match="another transaction"):
        banking.match_by_hand(second, treasurer, expense=expense)


def test_a_match_can_be_undone_and_made_again(world: World, treasurer) -> None:
    own(world.room, ROOM_IBAN)
    expense = ExpenseFactory(
        room=world.room, amount=Decimal("9.00"), spent_on=datetime.date(2026, 12, 4)
    )
    banking.import_statement_file(
        upload(camt(ROOM_IBAN, ntry("D1", "9.00", debit=True), closing="-9.00")),
        treasurer,
    )
    row = BankTransaction.objects.get()

    banking.unmatch(row, treasurer)
    row.refresh_from_db()
    assert row.expense is None

    banking.match_by_hand(row, treasurer, expense=expense)
    row.refresh_from_db()
    assert row.expense == expense


# Pages.


def test_the_treasurer_imports_a_file_as_a_job_and_sees_the_result(
    client, world: World
) -> None:
    own(world.room, ROOM_IBAN)
    client.force_login(world.users["treasurer"])
    data = camt(ROOM_IBAN, ntry("A1", "7.00"), closing="7.00")

    response = client.post("/financien/bank/inlezen/", {"file": upload(data)})

    job = Job.objects.get()
    assert response.url == reverse("core:job", kwargs={"job": job.uuid})
    assert (job.status, job.result["added"], job.payload) == ("done", 1, b"")
    page = client.get(response.url)
    assert 'data-count="added">1<' in page.content.decode()
    unmatched = client.get(f"/financien/bank/kamer/{world.room.slug}/open/")
    assert list(unmatched.context["page"]) == list(BankTransaction.objects.all())


def test_a_refused_file_is_explained_on_the_job_page(client, world: World) -> None:
    client.force_login(world.users["treasurer"])

    response = client.post("/financien/bank/inlezen/", {"file": upload(b"nonsense")})

    job = Job.objects.get()
    assert job.status == "failed"
    page = client.get(response.url).content.decode()
    assert all(escape(line) in page for line in job.errors)
    assert job.errors
    assert BankStatement.objects.count() == 0


def test_a_file_too_large_is_refused_before_it_becomes_a_job(
    client, world: World, monkeypatch
) -> None:
    monkeypatch.setattr(importing, "DEFAULT_MAX_BYTES", 10)
    client.force_login(world.users["treasurer"])

    response = client.post("/financien/bank/inlezen/", {"file": upload(b"x" * 11)})

    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert not Job.objects.exists()
