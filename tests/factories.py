"""Factories with traits for the states that matter."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.brokering.constants import AgreementKind, FundingStatus
from buurtwerkkamer.brokering.models import (
    Agreement,
    AgreementParty,
    FundingApplication,
)
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.finance.constants import BatchStatus, ExpenseCategory
from buurtwerkkamer.finance.models import (
    BankStatement,
    BankTransaction,
    Budget,
    BudgetLine,
    CooperativeAccount,
    Expense,
    FixedCost,
    FixedCostTemplate,
    SepaBatch,
    Transfer,
)
from buurtwerkkamer.partners.constants import OrganisationKind
from buurtwerkkamer.partners.models import ContactPerson, Organisation
from buurtwerkkamer.people.constants import MemberKind
from buurtwerkkamer.people.models import Membership, Person
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.models import ChecklistItem, Location, Talk

PASSWORD = "Buurt-Werk-2026!"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.nl")
    name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj: User, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.save()


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = OrganisationKind.MUNICIPALITY
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n}")
    city = "Utrecht"

    class Params:
        fund = factory.Trait(kind=OrganisationKind.FUND)
        residents = factory.Trait(kind=OrganisationKind.RESIDENTS_ASSOCIATION)


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.nl")


class RoomFactory(DjangoModelFactory):
    class Meta:
        model = Room

    name = factory.Sequence(lambda n: f"BuurtWerkKamer {n}")
    slug = factory.Sequence(lambda n: f"kamer-{n}")
    neighbourhood = "Overvecht"
    municipality = "Utrecht"
    city = "Utrecht"
    stage = Stage.OPERATIONAL
    bank_iban = "NL91ABNA0417164300"
    bank_holder = "Stichting BuurtWerkKamer"

    class Params:
        exploring = factory.Trait(stage=Stage.EXPLORING, bank_iban="", bank_holder="")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = factory.Sequence(lambda n: f"Achternaam{n}")

    @factory.post_generation
    def rooms(
        obj: Person, create: bool, extracted: list[Room] | None, **kw: object
    ) -> None:
        if create and extracted:
            obj.rooms.add(*extracted)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    number = factory.Sequence(lambda n: 1000 + n)
    kind = MemberKind.VOLUNTEER
    joined_on = datetime.date(2024, 1, 1)


class GrantFactory(DjangoModelFactory):
    class Meta:
        model = Grant

    user = factory.SubFactory(UserFactory)
    role = Role.BOARD


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    room = factory.SubFactory(RoomFactory)
    kind = AgreementKind.LETTER_OF_INTENT
    title = factory.Sequence(lambda n: f"Intentieverklaring {n}")


class AgreementPartyFactory(DjangoModelFactory):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class FundingApplicationFactory(DjangoModelFactory):
    class Meta:
        model = FundingApplication

    room = factory.SubFactory(RoomFactory)
    funder = factory.SubFactory(OrganisationFactory, fund=True)
    title = factory.Sequence(lambda n: f"Aanvraag {n}")
    amount_requested = Decimal("25000.00")
    period_start = datetime.date(2027, 1, 1)
    period_end = datetime.date(2027, 12, 31)

    class Params:
        submitted = factory.Trait(
            status=FundingStatus.SUBMITTED,
            submitted_on=datetime.date(2026, 10, 1),
            decision_expected_on=datetime.date(2026, 12, 15),
        )
        granted = factory.Trait(
            status=FundingStatus.GRANTED,
            submitted_on=datetime.date(2026, 10, 1),
            decided_on=datetime.date(2026, 11, 15),
            amount_granted=Decimal("25000.00"),
        )


class LocationFactory(DjangoModelFactory):
    class Meta:
        model = Location

    room = factory.SubFactory(RoomFactory)
    street = "Gambiadreef"
    house_number = factory.Sequence(lambda n: str(n + 1))
    postcode = "3564 AA"
    city = "Utrecht"
    monthly_rent = Decimal("850.00")
    floor_area = Decimal("120.0")

    class Params:
        chosen = factory.Trait(status=LocationStatus.CHOSEN)


class TalkFactory(DjangoModelFactory):
    class Meta:
        model = Talk

    room = factory.SubFactory(RoomFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    held_on = datetime.date(2026, 11, 1)
    summary = "Kennismaking en wensen voor de buurt."


class ChecklistItemFactory(DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    room = factory.SubFactory(RoomFactory)
    title = factory.Sequence(lambda n: f"Stap {n}")


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    title = "Getekende overeenkomst"
    file = factory.django.FileField(
        filename="overeenkomst.pdf", data=b"%PDF-1.4\n%%EOF"
    )
    original_name = "overeenkomst.pdf"
    content_type = "application/pdf"
    size = 14
    sha256 = "0" * 64
    uploaded_by = factory.SubFactory(UserFactory)


class CooperativeAccountFactory(DjangoModelFactory):
    class Meta:
        model = CooperativeAccount

    name = "BuurtWerkKamer Cooperatie U.A."
    iban = "NL02ABNA0123456789"
    bic = "ABNANL2A"


class SepaBatchFactory(DjangoModelFactory):
    class Meta:
        model = SepaBatch

    message_id = factory.Sequence(lambda n: f"BWK-TEST-{n:06d}")
    execution_date = datetime.date(2026, 12, 1)
    pain_version = "pain.001.001.09"
    prepared_by = factory.SubFactory(UserFactory)

    class Params:
        approved = factory.Trait(
            status=BatchStatus.APPROVED,
            approved_by=factory.SubFactory(UserFactory),
            approved_at=factory.LazyFunction(
                lambda: datetime.datetime.now(tz=datetime.UTC)
            ),
        )


class TransferFactory(DjangoModelFactory):
    class Meta:
        model = Transfer

    room = factory.SubFactory(RoomFactory)
    month = datetime.date(2026, 11, 1)
    amount = Decimal("250.00")
    creditor_name = factory.SelfAttribute("room.bank_holder")
    creditor_iban = factory.SelfAttribute("room.bank_iban")
    end_to_end_id = factory.Sequence(lambda n: f"BWK-202611-{n:012d}")
    approved_by = factory.SubFactory(UserFactory)


class ExpenseFactory(DjangoModelFactory):
    class Meta:
        model = Expense

    room = factory.SubFactory(RoomFactory)
    spent_on = datetime.date(2026, 11, 5)
    amount = Decimal("12.50")
    description = "Koffie en thee"
    category = ExpenseCategory.A
    recorded_by = factory.SubFactory(UserFactory)


class FixedCostTemplateFactory(DjangoModelFactory):
    class Meta:
        model = FixedCostTemplate

    room = factory.SubFactory(RoomFactory)
    category = "rent"
    supplier = factory.Sequence(lambda n: f"Verhuurder {n}")
    amount = Decimal("850.00")
    from_month = datetime.date(2026, 1, 1)
    created_by = factory.SubFactory(UserFactory)


class FixedCostFactory(DjangoModelFactory):
    class Meta:
        model = FixedCost

    room = factory.SubFactory(RoomFactory)
    month = datetime.date(2026, 11, 1)
    category = "rent"
    supplier = factory.Sequence(lambda n: f"Leverancier {n}")
    invoice_reference = factory.Sequence(lambda n: f"F-{n:06d}")
    amount = Decimal("850.00")
    booked_by = factory.SubFactory(UserFactory)


class BudgetFactory(DjangoModelFactory):
    class Meta:
        model = Budget

    room = factory.SubFactory(RoomFactory)
    year = 2026


class BudgetLineFactory(DjangoModelFactory):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    category = "rent"
    amount = Decimal("10200.00")


class BankStatementFactory(DjangoModelFactory):
    class Meta:
        model = BankStatement

    room = factory.SubFactory(RoomFactory)
    account_iban = factory.SelfAttribute("room.bank_iban")
    statement_id = factory.Sequence(lambda n: f"STMT-{n:06d}")
    currency = "EUR"
    opening_balance = Decimal("100.00")
    opening_date = datetime.date(2026, 11, 30)
    closing_balance = Decimal("87.50")
    closing_date = datetime.date(2026, 12, 1)
    file = factory.SubFactory(
        DocumentFactory,
        kind="statement",
        room_id_scope=factory.SelfAttribute("..room.pk"),
    )
    imported_by = factory.SubFactory(UserFactory)


class BankTransactionFactory(DjangoModelFactory):
    class Meta:
        model = BankTransaction

    statement = factory.SubFactory(BankStatementFactory)
    room = factory.SelfAttribute("statement.room")
    account_iban = factory.SelfAttribute("statement.account_iban")
    booking_date = datetime.date(2026, 12, 1)
    amount = Decimal("-12.50")
    bank_reference = factory.Sequence(lambda n: f"REF-{n:08d}")
    counterparty_name = "Albert Heijn"
