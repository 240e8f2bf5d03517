"""The cooperative pays fixed costs from its own account: their bank debits are
matched to the booked costs, on import where it is clear, by hand otherwise."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from buurtwerkkamer.finance import banking, costs
from buurtwerkkamer.finance.models import BankTransaction, FixedCost
from tests.factories import (
    BankStatementFactory,
    BankTransactionFactory,
    CooperativeAccountFactory,
    FixedCostFactory,
)
from tests.personas import World

COOP_IBAN = "NL02ABNA0123456789"
NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def cooperative(world: World) -> World:
    CooperativeAccountFactory(iban=COOP_IBAN)
    return world


def debit(amount: str, *, name: str = "", text: str = "", day: int = 3):
    statement = BankStatementFactory(
        room=None, account_iban=COOP_IBAN, file__room_id_scope=None
    )
    return BankTransactionFactory(
        statement=statement,
        room=None,
        amount=Decimal(amount),
        booking_date=datetime.date(2026, 12, day),
        counterparty_name=name,
        remittance=text,
    )


def rent(world: World, **fields) -> FixedCost:
    values = {
        "room": world.room,
        "month": datetime.date(2026, 12, 1),
        "supplier": "Woonstichting Thuis",
        "invoice_reference": "HUUR-2026-12",
        "amount": Decimal("850.00"),
        **fields,
    }
    return FixedCostFactory(**values)


def test_a_debit_naming_the_invoice_reference_is_matched(cooperative: World) -> None:
    cost = rent(cooperative)
    rent(cooperative, invoice_reference="HUUR-2026-11", room=cooperative.other_room)
    row = debit("-850.00", name="Stichting", text="Factuur huur-2026-12 Thuis")

    assert banking.auto_match([row]) == 1

    row.refresh_from_db()
    assert row.fixed_cost == cost
    assert row.matched_by is None


def test_a_debit_to_the_supplier_is_matched_when_one_cost_fits(
    cooperative: World,
) -> None:
    cost = rent(cooperative)
    row = debit("-850.00", name="WOONSTICHTING THUIS", text="maandhuur")

    assert banking.auto_match([row]) == 1
    row.refresh_from_db()
    assert row.fixed_cost == cost


def test_two_costs_that_fit_are_left_for_the_treasurer(cooperative: World) -> None:
    rent(cooperative)
    rent(cooperative, room=cooperative.other_room, invoice_reference="HUUR-E-12")
    row = debit("-850.00", name="Woonstichting Thuis", text="maandhuur")

    assert banking.auto_match([row]) == 0
    row.refresh_from_db()
    assert not row.is_matched
    assert {c.pk for c in banking.candidates(row)} == set(
        FixedCost.objects.values_list("pk", flat=True)
    )


def test_a_cost_of_another_amount_or_a_distant_month_is_not_matched(
    cooperative: World,
) -> None:
    rent(cooperative, amount=Decimal("850.01"))
    rent(cooperative, month=datetime.date(2026, 6, 1), invoice_reference="HUUR-6")
    row = debit("-850.00", name="Woonstichting Thuis", text="HUUR-2026-12 HUUR-6")

    assert banking.auto_match([row]) == 0


def test_a_corrected_cost_is_paid_as_its_correction(cooperative: World) -> None:
    original = rent(cooperative, month=datetime.date(2026, 11, 1))
    correction = costs.correct_fixed_cost(
        original, Decimal("875.00"), "Indexering", cooperative.users["treasurer"]
    )
    row = debit("-875.00", text="HUUR-2026-12")

    assert banking.auto_match([row]) == 1
    row.refresh_from_db()
    assert row.fixed_cost == correction
    with pytest.raises(ValidationError, match="match its latest correction"):
        banking.match_by_hand(
            debit("-850.00"), cooperative.users["treasurer"], fixed_cost=original
        )


def test_a_fixed_cost_is_paid_once(cooperative: World) -> None:
    cost = rent(cooperative)
    first = debit("-850.00")
    banking.match_by_hand(first, cooperative.users["treasurer"], fixed_cost=cost)

    with pytest.raises(ValidationError, match="another transaction already"):
        banking.match_by_hand(
            debit("-850.00"), cooperative.users["treasurer"], fixed_cost=cost
        )
    assert BankTransaction.objects.filter(fixed_cost=cost).count() == 1


def test_the_database_refuses_a_second_payment_of_one_cost(cooperative: World) -> None:
    cost = rent(cooperative)
    BankTransaction.objects.filter(pk=debit("-850.00").pk).update(fixed_cost=cost)
    with pytest.raises(IntegrityError):
        BankTransaction.objects.filter(pk=debit("-850.00").pk).update(fixed_cost=cost)


def test_a_rooms_debit_is_never_a_fixed_cost(cooperative: World) -> None:
    cost = rent(cooperative)
    row = BankTransactionFactory(
        statement=BankStatementFactory(room=cooperative.room), amount=Decimal("-850")
    )

    assert banking.auto_match([row]) == 0
    with pytest.raises(ValidationError, match="paid from the cooperative's account"):
        banking.match_by_hand(row, cooperative.users["treasurer"], fixed_cost=cost)


def test_money_coming_in_is_not_a_fixed_cost(cooperative: World) -> None:
    cost = rent(cooperative)
    with pytest.raises(ValidationError, match="money going out"):
        banking.match_by_hand(
            debit("850.00"), cooperative.users["treasurer"], fixed_cost=cost
        )


def test_an_imported_rent_payment_is_matched(cooperative: World) -> None:
    cost = rent(cooperative)
    entry = (
        '<Ntry><Amt Ccy="EUR">850.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>'
        "<Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>"
        "<AcctSvcrRef>R-1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Cdtr>"
        "<Nm>Woonstichting Thuis</Nm></Cdtr></RltdPties><RmtInf>"
        "<Ustrd>Huur december HUUR-2026-12</Ustrd></RmtInf></TxDtls></NtryDtls>"
        "</Ntry>"
    )
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="{NS}"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId>
<CreDtTm>2026-12-02T10:00:00</CreDtTm></GrpHdr><Stmt><Id>S-1</Id>
<CreDtTm>2026-12-02T10:00:00</CreDtTm>
<Acct><Id><IBAN>{COOP_IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">150.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-01</Dt></Dt></Bal>
{entry}</Stmt></BkToCstmrStmt></Document>""".encode()
    upload = SimpleUploadedFile("coop.xml", data, content_type="application/xml")

    result = banking.import_statement_file(upload, cooperative.users["treasurer"])

    assert (result.added, result.matched) == (1, 1)
    assert BankTransaction.objects.get().fixed_cost == cost


def test_the_treasurer_matches_a_fixed_cost_by_hand_on_the_page(
    client, cooperative: World
) -> None:
    cost = rent(cooperative)
    rent(cooperative, room=cooperative.other_room, invoice_reference="HUUR-E-12")
    row = debit("-850.00", name="Woonstichting Thuis")
    client.force_login(cooperative.users["treasurer"])
    url = reverse("finance:bank_match", kwargs={"transaction": row.uuid})

    page = client.get(url)
    assert f"fixedcost:{cost.uuid}" in page.content.decode()
    response = client.post(url, {"target": f"fixedcost:{cost.uuid}"})

    assert response.status_code == 302
    row.refresh_from_db()
    assert row.fixed_cost == cost
    assert row.matched_by == cooperative.users["treasurer"]
    listed = client.get(reverse("finance:bank_cooperative")).content.decode()
    assert str(row.uuid) not in listed
