"""The fictional cooperative as plain facts: names, addresses and numbers, no database.

Every person, organisation and number here is invented. Dates are kept as "days ago"
so that the demo always looks current, whatever day it is loaded.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.brokering.constants import FundingStatus
from buurtwerkkamer.partners.constants import OrganisationKind
from buurtwerkkamer.people.constants import MemberKind

CITY = "Utrecht"
# Published on purpose: every demo login shares it.
PASSWORD = "demo-buurtwerkkamer"  # noqa: S105
LOGIN_DOMAIN = "buurtwerkkamer.nl"


@dataclass(frozen=True)
class Address:
    street: str
    house_number: str
    postcode: str


@dataclass(frozen=True)
class Account:
    """A bank account: the bank's code and a seed from which a valid number is made."""

    bank: str
    seed: int


@dataclass(frozen=True)
class OrganisationFact:
    slug: str
    name: str
    kind: OrganisationKind
    address: Address
    kvk_number: str
    account: Account
    domain: str
    phone: str
    contacts: tuple[tuple[str, str], ...]  # (name, position); the first one signs


@dataclass(frozen=True)
class FundingFact:
    """A funding application. Unless told otherwise its dates follow the room's
    start-up: submitted well before the funded gate, decided just before it."""

    funder: str
    title: str
    requested: Decimal
    status: FundingStatus
    granted: Decimal | None = None
    months: int = 12
    submitted_ago: int | None = None
    expected_in: int | None = None
    period_starts_in: int | None = None


@dataclass(frozen=True)
class RoomFact:
    slug: str
    name: str
    neighbourhood: str
    address: Address
    residents: str  # slug of the residents' association that signs for the room
    landlord: str
    monthly_rent: Decimal
    floor_area: Decimal
    partners: tuple[str, ...]  # parties to its cooperation agreement besides residents
    funding: tuple[FundingFact, ...]
    opened_ago: int | None  # None while the room is still in its start-up track
    gatekeeper: str  # login key of whoever passed its gates
    account: Account | None = None
    # Why the board opened the room with a checklist item still open, if it did.
    opened_early_because: str = ""


@dataclass(frozen=True)
class PersonFact:
    first_name: str
    last_name: str
    rooms: tuple[str, ...]
    kind: MemberKind | None  # None: takes part without being a member
    joined_ago: int = 0
    left_ago: int | None = None
    login: str = ""
    phone: str = ""


@dataclass(frozen=True)
class LoginFact:
    key: str  # the part of the e-mail address before the @
    name: str
    role: Role
    rooms: tuple[str, ...] = field(default=())
    organisation: str = ""

    @property
    def email(self) -> str:
        return f"{self.key}@{LOGIN_DOMAIN}"
