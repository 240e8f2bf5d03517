"""The demo's employer and placements: contracts of every kind (one extended,
one ending soon), a staff vacancy with applicants and interviews, volunteers
with a certificate of conduct and allowances (one near the tax-free limit),
candidates at each stage, running and ended placements, signals with the
benefits agency; and every page of both apps shows them."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.employer.constants import DEADLINE_DAYS, ContractKind, Decision
from buurtwerkkamer.employer.deadlines import contract_dates
from buurtwerkkamer.employer.models import Contract, StaffVacancy
from buurtwerkkamer.employer.volunteers import allowance_totals
from buurtwerkkamer.placements.constants import CandidateStatus, Outcome
from buurtwerkkamer.placements.models import (
    Candidate,
    Placement,
    PlacementVacancy,
    Signal,
)
from buurtwerkkamer.rooms.models import Room

from .conftest import LOAD_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]


def login(local: str) -> tuple[Client, User]:
    user = User.objects.get(email__startswith=f"{local}@")
    client = Client()
    client.force_login(user)
    return client, user


def test_contracts_of_every_kind_are_made() -> None:
    kinds = set(Contract.objects.values_list("kind", flat=True))

    assert kinds == set(ContractKind.values)


def test_one_contract_is_extended_and_keeps_its_first_period() -> None:
    extension = Contract.objects.get(previous__isnull=False)

    assert extension.starts_on == extension.previous.ends_on + timedelta(days=1)
    assert extension.kind == extension.previous.kind == ContractKind.FREELANCE


def test_a_contract_ending_soon_is_on_the_boards_deadlines() -> None:
    board = User.objects.get(email__startswith="bestuur@")
    horizon = LOAD_DAY + timedelta(days=DEADLINE_DAYS)

    ending = [d for d in contract_dates(board, LOAD_DAY) if d.kind == "contract"]

    assert any(LOAD_DAY <= d.due <= horizon for d in ending)


def test_a_staff_vacancy_has_applicants_interviewed_and_one_rejected() -> None:
    vacancy = StaffVacancy.objects.get()
    applicants = list(vacancy.applicants.order_by("name"))

    assert len(applicants) == 3
    assert sum(a.interviews.count() for a in applicants) == 2
    assert [a.decision for a in applicants].count(Decision.REJECTED) == 1


def test_a_volunteer_comes_near_the_tax_free_limit_after_a_certificate() -> None:
    room = Room.objects.get(slug="overvecht")
    month = LOAD_DAY.replace(day=1)
    people = set(room.volunteer_allowances.values_list("person_id", flat=True))

    totals = allowance_totals(people, LOAD_DAY.year, month)

    assert len(people) >= 2
    assert [total.warning for total in totals.values()].count(True) == 1
    assert room.conduct_certificates.exists()
    assert room.volunteer_tasks.filter(needs_certificate=True).exists()


def test_candidates_are_referred_at_every_stage_of_the_selection() -> None:
    statuses = set(Candidate.objects.values_list("status", flat=True))
    referred = Candidate.objects.filter(referred_by__isnull=False)

    assert statuses == set(CandidateStatus.values)
    assert referred.count() == Candidate.objects.count()
    assert Candidate.objects.filter(
        status=CandidateStatus.REGISTERED, intake_on__isnull=False
    ).exists()


def test_placements_run_evaluated_and_one_ended_in_paid_work() -> None:
    running = Placement.objects.filter(ended_on__isnull=True)
    ended = Placement.objects.get(ended_on__isnull=False)

    assert PlacementVacancy.objects.count() == 2
    assert running.count() == 2
    assert any(p.contract.evaluations.filter(held_on__isnull=False) for p in running)
    assert ended.outcome == Outcome.PAID_WORK
    assert ended.contract.ends_on == ended.ended_on
    assert ended.contract.end_reason


def test_signals_have_contacts_with_the_agency_one_open_one_resolved() -> None:
    signals = Signal.objects.order_by("raised_on")

    assert [s.resolved_on is None for s in signals] == [False, True]
    for signal in signals:
        agency = signal.placement.candidate.referred_by
        contacts = signal.contacts.all()
        assert contacts
        assert {c.contact.organisation_id for c in contacts} == {agency.pk}


def test_every_employer_page_is_filled_for_the_board() -> None:
    client, _user = login("bestuur")
    vacancy = StaffVacancy.objects.get()
    pages = [
        reverse("employer:index"),
        reverse("employer:vacancies"),
        vacancy.get_absolute_url(),
        vacancy.applicants.first().get_absolute_url(),
        reverse("employer:volunteers", kwargs={"room": "overvecht"}),
        *(contract.get_absolute_url() for contract in Contract.objects.all()),
    ]

    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
    index = client.get(reverse("employer:index")).content.decode()
    assert "Sanne Jansen" in index
    assert "Noor de Wit" in client.get(vacancy.get_absolute_url()).content.decode()


def test_every_placement_page_is_filled_for_the_coordinator() -> None:
    client, _user = login("teamcoordinator")
    room_page = client.get(reverse("placements:room", kwargs={"room": "overvecht"}))
    records = [
        *Candidate.objects.all(),
        *Placement.objects.all(),
        *Signal.objects.all(),
    ]

    assert client.get(reverse("placements:index")).status_code == 200
    assert room_page.status_code == 200
    assert "Latifa Ezzahri" in room_page.content.decode()
    for record in records:
        response = client.get(record.get_absolute_url())
        assert response.status_code == 200, record.get_absolute_url()
