"""What the builders share while the demo is made: the day it is made on and the
records made so far, looked up by their short names."""

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from schwifty import IBAN

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .facts import Account
from .facts.organisations import ORGANISATIONS

# A dotless i does not decompose to ASCII, so it is mapped by hand.
ASCII_FIXES = str.maketrans({"ı": "i", "İ": "I"})


@dataclass
class Demo:
    today: date
    users: dict[str, User] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    rooms: dict[str, Room] = field(default_factory=dict)

    def day(self, ago: int) -> date:
        """The date `ago` days before today; negative for days to come."""
        return self.today - timedelta(days=ago)

    def orgs(self, *slugs: str) -> list[Organisation]:
        return [self.organisations[slug] for slug in slugs]


def signatory(slug: str) -> str:
    """Who signs for an organisation: its first contact person."""
    fact = next(fact for fact in ORGANISATIONS if fact.slug == slug)
    return fact.contacts[0][0]


def moment(day: date) -> datetime:
    """Ten in the morning, local time: when the demo's past events took place."""
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def month_start(day: date) -> date:
    """The first of the month on or after `day`: funding periods run in months."""
    if day.day == 1:
        return day
    return add_months(day.replace(day=1), 1)


def add_months(first: date, months: int) -> date:
    index = first.month - 1 + months
    return first.replace(year=first.year + index // 12, month=index % 12 + 1, day=1)


def period_end(start: date, months: int) -> date:
    return add_months(start, months) - timedelta(days=1)


def eleven_proof(seed: int) -> str:
    """The first ten-digit account number from `seed` on that passes the Dutch
    eleven test, as account numbers did before IBAN: they look real to any checker."""
    number = seed
    while _eleven_sum(f"{number:010d}") % 11:
        number += 1
    return f"{number:010d}"


def _eleven_sum(digits: str) -> int:
    weights = range(len(digits), 0, -1)
    return sum(w * int(d) for w, d in zip(weights, digits, strict=True))


def iban(account: Account) -> str:
    generated = IBAN.generate(
        "NL", bank_code=account.bank, account_code=eleven_proof(account.seed)
    )
    return generated.compact


def email_local(name: str) -> str:
    """`Lies van Leeuwen` becomes `lies.vanleeuwen`: ASCII, for e-mail addresses."""
    first, _space, rest = name.partition(" ")
    plain = unicodedata.normalize("NFKD", f"{first}.{rest}".translate(ASCII_FIXES))
    return plain.encode("ascii", "ignore").decode().replace(" ", "").lower()
