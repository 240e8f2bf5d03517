"""Placements in the browser, as the room's team coordinator: a candidate referred
by the benefits agency goes from a vacancy through intake and selection to a
placement with its contract; and a signal in a running placement is followed up
with the benefits agency until it is resolved. Every page is axe-checked."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from playwright.sync_api import Response

from buurtwerkkamer.employer.constants import ContractKind
from buurtwerkkamer.employer.kinds import last_day_within
from buurtwerkkamer.employer.models import Contract
from buurtwerkkamer.placements.constants import (
    CandidateStatus,
    PlacementKind,
    Seriousness,
)
from buurtwerkkamer.placements.models import (
    Candidate,
    Placement,
    PlacementVacancy,
    Signal,
    SignalContact,
)
from tests.factories import ContactPersonFactory
from tests.personas import World
from tests.placements.factories import AgencyFactory, PlacementFactory

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shown(day: datetime.date) -> str:
    """A date as the pages show it: 3 december 2026."""
    with translation.override("nl"):
        return dateformat.format(day, "j F Y")


def signed_in(visitor: MakeVisitor, world: World, role: str) -> Visitor:
    person = visitor()
    person.sign_in(world.users[role])
    return person


def fact(person: Visitor, term: str) -> str:
    """What the page's list of facts says after `term` (its Dutch label)."""
    facts = person.main(".bwk-facts")
    return facts.locator(f'dt:text-is("{term}") + dd').inner_text().strip()


def add_contact(
    coordinator: Visitor, signal: Signal, day: datetime.date, contact: int, said: str
) -> Response:
    coordinator.follow(
        reverse("placements:contact_add", kwargs={"signal": signal.uuid})
    )
    coordinator.main("[name=contacted_on]").fill(day.isoformat())
    coordinator.main("[name=contact]").select_option(str(contact))
    coordinator.main("[name=summary]").fill(said)
    return coordinator.submit()


def test_a_referred_candidate_is_selected_and_placed_with_a_contract(
    visitor: MakeVisitor, world: World
) -> None:
    today = timezone.localdate()
    ends_on = last_day_within(today, 6)
    agency = AgencyFactory(name="UWV Thuis")
    contact = ContactPersonFactory(organisation=agency, name="Sanne de Wit")
    coordinator = signed_in(visitor, world, "team_coordinator")

    coordinator.open(reverse("placements:room", kwargs={"room": world.room.slug}))
    coordinator.follow(
        reverse("placements:vacancy_create", kwargs={"room": world.room.slug})
    )
    coordinator.main("[name=kind]").select_option(PlacementKind.WORK_EXPERIENCE)
    coordinator.main("[name=title]").fill("Gastvrouw buurtkeuken")
    coordinator.main("[name=hours_per_week]").fill("20")
    coordinator.submit()
    vacancy = PlacementVacancy.objects.get(room=world.room)

    coordinator.follow(
        reverse("placements:candidate_create", kwargs={"room": world.room.slug})
    )
    coordinator.main("[name=first_name]").fill("Yusuf")
    coordinator.main("[name=last_name]").fill("Aydın")
    coordinator.main("[name=referred_by]").select_option(str(agency.pk))
    coordinator.main("[name=referral_contact]").select_option(str(contact.pk))
    coordinator.main("[name=vacancy]").select_option(str(vacancy.pk))
    coordinator.submit()
    candidate = Candidate.objects.get()
    assert coordinator.page.url == coordinator.base_url + candidate.get_absolute_url()
    assert fact(coordinator, dutch("Referred by")) == "UWV Thuis (Sanne de Wit)"

    coordinator.follow(
        reverse("placements:intake", kwargs={"candidate": candidate.uuid})
    )
    coordinator.main("[name=notes]").fill("Wil werkritme opbouwen, kookt graag.")
    coordinator.submit()

    coordinator.follow(
        reverse("placements:interview", kwargs={"candidate": candidate.uuid})
    )
    coordinator.main("[name=notes]").fill("Gemotiveerd en op tijd.")
    coordinator.main("[name=decision]").select_option(CandidateStatus.ACCEPTED)
    coordinator.submit()
    candidate.refresh_from_db()
    assert (candidate.intake_on, candidate.status) == (today, CandidateStatus.ACCEPTED)
    status = fact(coordinator, dutch("Status"))
    assert status == dutch(CandidateStatus.ACCEPTED.label)

    coordinator.follow(
        reverse("placements:place", kwargs={"candidate": candidate.uuid})
    )
    coordinator.main("[name=ends_on]").fill(ends_on.isoformat())
    coordinator.submit()

    placement = Placement.objects.get()
    contract = Contract.objects.get(person=candidate.person)
    assert coordinator.page.url == coordinator.base_url + placement.get_absolute_url()
    assert (placement.room, placement.kind, placement.contract) == (
        world.room,
        PlacementKind.WORK_EXPERIENCE,
        contract,
    )
    assert (contract.kind, contract.starts_on, contract.ends_on) == (
        ContractKind.WORK_EXPERIENCE,
        today,
        ends_on,
    )
    assert (contract.hours_per_week, contract.pay) == (Decimal("20.0"), Decimal(0))
    assert list(contract.rooms.all()) == [world.room]
    heading = coordinator.main("h1").inner_text()
    assert heading == f"{dutch(PlacementKind.WORK_EXPERIENCE.label)} Yusuf Aydın"
    period = coordinator.main(f'.bwk-facts a[href="{contract.get_absolute_url()}"]')
    assert period.inner_text() == f"{shown(today)} – {shown(ends_on)}"
    assert fact(coordinator, dutch("Hours per week")) == "20,0"
    assert fact(coordinator, dutch("Pay")) == dutch("unpaid")


def test_a_signal_is_followed_up_with_the_agency_until_it_is_resolved(
    visitor: MakeVisitor, world: World
) -> None:
    today = timezone.localdate()
    raised_on = today - datetime.timedelta(days=7)
    placement = PlacementFactory(
        candidate__room=world.room,
        candidate__person__first_name="Lotte",
        candidate__person__last_name="Vermeer",
        candidate__referral_contact__name="Sanne de Wit",
    )
    agency = placement.candidate.referred_by
    first = placement.candidate.referral_contact
    second = ContactPersonFactory(organisation=agency, name="Karim Bouzid")
    contacts = [
        (today - datetime.timedelta(days=5), first, "Klantmanager belt Lotte."),
        (today - datetime.timedelta(days=2), second, "Vaste begintijd afgesproken."),
    ]
    coordinator = signed_in(visitor, world, "team_coordinator")

    coordinator.open(placement.get_absolute_url())
    coordinator.follow(
        reverse("placements:signal_create", kwargs={"placement": placement.uuid})
    )
    coordinator.main("[name=raised_on]").fill(raised_on.isoformat())
    coordinator.main("[name=description]").fill("Komt drie keer per week te laat.")
    coordinator.main("[name=seriousness]").select_option(Seriousness.HIGH)
    coordinator.main("[name=approach]").fill("Gesprek met Lotte en haar klantmanager.")
    coordinator.main("[name=follow_up_on]").fill(today.isoformat())
    coordinator.submit()
    signal = Signal.objects.get()
    assert coordinator.page.url == coordinator.base_url + signal.get_absolute_url()
    assert fact(coordinator, dutch("Seriousness")) == dutch(Seriousness.HIGH.label)

    for day, contact, said in contacts:
        add_contact(coordinator, signal, day, contact.pk, said)

    tomorrow = today + datetime.timedelta(days=1)
    response = add_contact(coordinator, signal, tomorrow, second.pk, "Te vroeg.")
    assert response.status == 400
    error = coordinator.main("#id_contacted_on_error").inner_text().strip()
    assert error == dutch("This date lies in the future.")
    assert signal.contacts.count() == 2

    coordinator.open(signal.get_absolute_url())
    coordinator.follow(reverse("placements:resolve", kwargs={"signal": signal.uuid}))
    coordinator.main("[name=resolution]").fill("Lotte komt weer op tijd.")
    coordinator.submit()

    signal.refresh_from_db()
    assert (signal.seriousness, signal.approach) == (
        Seriousness.HIGH,
        "Gesprek met Lotte en haar klantmanager.",
    )
    assert (signal.resolved_on, signal.resolution) == (
        today,
        "Lotte komt weer op tijd.",
    )
    recorded = SignalContact.objects.filter(signal=signal).order_by("contacted_on")
    assert [(c.contacted_on, c.contact, c.summary) for c in recorded] == contacts
    assert coordinator.main("#resolved-on").inner_text() == shown(today)
    assert "Lotte komt weer op tijd." in coordinator.page.inner_text("main")
    rows = coordinator.main("[aria-labelledby=h-contacts] tbody tr").all_inner_texts()
    assert [row.split("\t") for row in rows] == [
        [day.strftime("%d-%m-%Y"), f"{contact.name} ({agency.name})", said]
        for day, contact, said in contacts
    ]
    contact_add = reverse("placements:contact_add", kwargs={"signal": signal.uuid})
    assert coordinator.main(f'a[href="{contact_add}"]').count() == 0
