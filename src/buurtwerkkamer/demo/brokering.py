"""Brokering in the operational rooms: a multi-year partnership with what each
party invests, this year's annual agreement signed with its result obligations
(computed ones and one entered with evidence), next year's in the works in some
rooms and not yet started in one, so that the deadline overview shows work; and
the reporting dates of granted funding."""

from datetime import date, timedelta
from decimal import Decimal

from buurtwerkkamer.brokering.constants import AgreementKind, FundingStatus
from buurtwerkkamer.brokering.models import Agreement, FundingApplication
from buurtwerkkamer.brokering.services import (
    add_obligation,
    add_reporting_date,
    copy_annual_agreement,
    create_agreement,
    enter_value,
    mark_reported,
    save_funding_application,
    set_commitment,
    set_investment,
    start_negotiation,
)
from buurtwerkkamer.core import registry
from buurtwerkkamer.rooms.models import Room

from .context import Demo
from .facts import RoomFact
from .facts.rooms import GEMEENTE, OPERATIONAL_ROOMS
from .paperwork import sign_all, title_of

# Partnerships run for four calendar years from the year a room opened.
PARTNERSHIP_YEARS = 4
GOALS = (
    "Een plek in de buurt waar bewoners elkaar helpen en iets leren; meer "
    "bewoners die meedoen, en een deel van hen op weg naar betaald werk."
)
# Computed indicators and their targets for a year; used where registered.
COMPUTED_TARGETS = (
    ("visitors_per_week", Decimal("35")),
    ("active_volunteers", Decimal("10")),
    ("activities_held", Decimal("150")),
)
FORMS = "Bewoners geholpen met formulieren"
# What next year looks like per room, in the order of OPERATIONAL_ROOMS: in
# negotiation with one party signed, a draft copied from this year, nothing yet.
NEXT_YEAR = ("negotiating", "draft", "")


def build_brokering(demo: Demo) -> None:
    for fact, next_year in zip(OPERATIONAL_ROOMS, NEXT_YEAR, strict=False):
        room = demo.rooms[fact.slug]
        _partnership(demo, room, fact)
        current = _annual_agreement(demo, room, fact)
        _next_year(demo, current, next_year)
        _reporting_dates(demo, room)


def _parties(demo: Demo, fact: RoomFact) -> list:
    return demo.orgs(*dict.fromkeys((*fact.partners, fact.residents)))


def _partnership(demo: Demo, room: Room, fact: RoomFact) -> None:
    opened = demo.day(fact.opened_ago or 0)
    agreement = create_agreement(
        room,
        kind=AgreementKind.PARTNERSHIP,
        title=title_of(AgreementKind.PARTNERSHIP, room),
        parties=_parties(demo, fact),
        starts_on=date(opened.year, 1, 1),
        ends_on=date(opened.year + PARTNERSHIP_YEARS - 1, 12, 31),
        shared_goals=GOALS,
    )
    for party in agreement.parties.select_related("organisation"):
        slug = party.organisation.slug
        for year in agreement.years:
            if slug == GEMEENTE:
                set_investment(party, year=year, amount=Decimal("45000"), in_kind="")
            elif slug == fact.landlord:
                set_investment(
                    party, year=year, amount=None, in_kind="Ruimte tegen lage huur"
                )
    sign_all(
        demo,
        agreement,
        signed_from=opened - timedelta(days=40),
        user=demo.users[fact.gatekeeper],
    )


def _annual_agreement(demo: Demo, room: Room, fact: RoomFact) -> Agreement:
    year = demo.today.year
    agreement = create_agreement(
        room,
        kind=AgreementKind.ANNUAL,
        title=title_of(AgreementKind.ANNUAL, room, year),
        parties=_parties(demo, fact),
        year=year,
    )
    user = demo.users[fact.gatekeeper]
    for party in agreement.parties.select_related("organisation"):
        if party.organisation.slug == GEMEENTE:
            set_commitment(party, Decimal("45000.00"), "", user)
        elif party.organisation.slug == fact.landlord:
            set_commitment(party, None, "Ruimte en energie", user)
    _obligations(demo, agreement)
    sign_all(demo, agreement, signed_from=date(year - 1, 11, 10), user=user)
    return agreement


def _obligations(demo: Demo, agreement: Agreement) -> None:
    for code, target in COMPUTED_TARGETS:
        if registry.indicator(code) is not None:
            add_obligation(agreement, indicator=code, target=target, computed=True)
    forms = add_obligation(
        agreement,
        indicator=FORMS,
        target=Decimal("200"),
        unit="bewoners",
        description="Hulp bij aanvragen, toeslagen en post van instanties.",
    )
    as_of = max(demo.today.replace(day=1) - timedelta(days=1), forms.period_start)
    enter_value(
        forms,
        value=Decimal(120),
        as_of=as_of,
        user=demo.users["bestuur"],
        today=demo.today,
        note="Turflijst van de formulierenbrigade, per maand bijgehouden.",
    )


def _next_year(demo: Demo, current: Agreement, state: str) -> None:
    if not state:
        return
    copy = copy_annual_agreement(current)
    if state == "negotiating":
        start_negotiation(copy)
        sign_all(
            demo,
            copy,
            signed_from=demo.today - timedelta(days=5),
            user=demo.users["bestuur"],
            parties=1,
        )


def _reporting_dates(demo: Demo, room: Room) -> None:
    """A granted application asks for an interim report (sent, once it is past)
    and a final one after its period."""
    granted = (
        FundingApplication.objects.filter(
            room=room, status__in=[FundingStatus.GRANTED, FundingStatus.PARTLY_GRANTED]
        )
        .order_by("-period_start")
        .first()
    )
    if granted is None:
        return
    granted.conditions = (
        "Een tussenrapportage halverwege en een eindverslag met de resultaten en "
        "een financiële verantwoording; het fonds wordt genoemd in publicaties."
    )
    save_funding_application(granted)
    middle = granted.period_start + (granted.period_end - granted.period_start) / 2
    interim = add_reporting_date(granted, due_on=middle, subject="Tussenrapportage")
    if middle < demo.today:
        mark_reported(interim, done_on=middle, today=demo.today)
    add_reporting_date(
        granted, due_on=granted.period_end + timedelta(days=60), subject="Eindverslag"
    )
