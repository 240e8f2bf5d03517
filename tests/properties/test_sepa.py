"""The SEPA builder for any valid set of payments: a file the official XSD
accepts, whose counts and control sums are those of the payments, and that
reads back to the same creditors, IBANs, amounts and ids, in both versions."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from schwifty import IBAN

from buurtwerkkamer.finance.sepa import (
    Address,
    Batch,
    Debtor,
    PainVersion,
    Payment,
    SepaError,
    build_credit_transfer,
    check_pain001,
    read_transfers,
)
from tests.samples import SHARED

XSD_DIR = SHARED / "samples" / "xsd" / "raphaelm+python-sepaxml"
DEBTOR = Debtor(name="Coöperatie BuurtWerkKamer U.A.", iban="NL91ABNA0417164300")
# Letters a Dutch account holder's name may hold, accents included: the builder
# transliterates them into the SEPA character set.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëèêïöüçñÉÖßøåæ"
text = st.text(alphabet=LETTERS + "0123456789 -'.,()/+?:", min_size=1, max_size=90)
names = text.filter(lambda value: any(char in LETTERS for char in value))
# A remittance of only spaces is refused by the builder (tested elsewhere): not valid.
remittances = text.filter(str.strip)
ibans = st.builds(
    lambda bank, account: str(
        IBAN.generate("NL", bank_code=bank, account_code=f"{account:010d}")
    ),
    st.sampled_from(["ABNA", "INGB", "RABO", "TRIO", "ASNB", "SNSB", "BUNQ"]),
    st.integers(min_value=1, max_value=9_999_999_999),
)
amounts = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("999999999.99"), places=2
)
addresses = st.none() | st.builds(
    Address,
    street=st.sampled_from(["", "Dorpsstraat", "Kerkstraat"]),
    building_number=st.sampled_from(["", "1", "12a"]),
    postcode=st.sampled_from(["", "3511 AB"]),
    town=st.sampled_from(["Utrecht", "Den Haag", "'s-Hertogenbosch"]),
    country=st.sampled_from(["NL", "be", "DE"]),
)


@st.composite
def payment_sets(draw: st.DrawFn) -> tuple[Payment, ...]:
    count = draw(st.integers(min_value=1, max_value=12))
    return tuple(
        Payment(
            creditor_name=draw(names),
            creditor_iban=draw(ibans),
            amount=draw(amounts),
            remittance=draw(remittances),
            end_to_end_id=f"BWK-{number:04d}",
            address=draw(addresses),
        )
        for number in range(count)
    )


def schema(version: PainVersion) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_DIR / f"{version}.xsd")))


SCHEMAS = {version: schema(version) for version in PainVersion}


@settings(max_examples=60, deadline=None)
@given(payment_sets(), st.sampled_from(list(PainVersion)))
def test_any_valid_payments_give_an_xsd_valid_file_whose_sums_match(
    payments: tuple[Payment, ...], version: PainVersion
) -> None:
    batch = Batch("BWK-MSG-1", "BWK-BATCH-1", date(2026, 12, 7), payments)

    xml = build_credit_transfer(DEBTOR, batch, version)

    assert SCHEMAS[version].validate(etree.fromstring(xml))
    summary = check_pain001(xml)
    assert summary.number_of_transactions == len(payments)
    assert summary.control_sum == sum(payment.amount for payment in payments)
    lines = read_transfers(xml)
    assert [line.amount for line in lines] == [p.amount for p in payments]
    assert [line.end_to_end_id for line in lines] == [p.end_to_end_id for p in payments]
    assert [line.creditor_iban for line in lines] == [p.creditor_iban for p in payments]
    assert all(0 < len(line.creditor_name) <= 70 for line in lines)


@settings(max_examples=60, deadline=None)
@given(payment_sets(), st.text(max_size=40))
def test_any_creditor_name_gives_a_valid_file_or_a_sepa_error(
    payments: tuple[Payment, ...], name: str
) -> None:
    odd = Payment(
        creditor_name=name,
        creditor_iban=payments[0].creditor_iban,
        amount=payments[0].amount,
        remittance="Handgeld",
        end_to_end_id="BWK-ODD",
    )
    batch = Batch("BWK-MSG-1", "BWK-BATCH-1", date(2026, 12, 7), (*payments, odd))

    try:
        xml = build_credit_transfer(DEBTOR, batch)
    except SepaError as error:
        assert error.reference == "BWK-ODD"
        return
    assert SCHEMAS[PainVersion.V09].validate(etree.fromstring(xml))
