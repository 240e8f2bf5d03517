"""The demo command: a whole fictional cooperative, loaded once, kept current.
These tests look at one demo, loaded for the whole module."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management.base import CommandError
from django.utils import timezone
from pytest_django.fixtures import Settings

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.brokering.constants import (
    AgreementKind,
    AgreementStatus,
    FundingStatus,
)
from buurtwerkkamer.demo.facts import PASSWORD
from buurtwerkkamer.partners.constants import OrganisationKind
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.constants import START_UP_ORDER, Stage
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.services import missing_evidence

from ..factories import UserFactory
from .conftest import LOAD_DAY, load_demo, row_counts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]


def test_every_role_gets_a_login_with_the_demo_password() -> None:

    for role in Role:
        users = User.objects.filter(grants__role=role).distinct()
        assert users.exists(), role
        assert all(user.check_password(PASSWORD) for user in users)


def test_the_logins_are_printed_one_line_per_role(loaded_demo: str) -> None:
    output = loaded_demo

    for role in Role:
        assert any(
            line.startswith(str(role.label)) and line.endswith(PASSWORD)
            for line in output.splitlines()
        ), role
    assert "bestuur@buurtwerkkamer.nl" in output


def test_board_and_audit_committee_have_two_members_each_apart() -> None:

    board = set(Grant.objects.filter(role=Role.BOARD).values_list("user", flat=True))
    audit = set(
        Grant.objects.filter(role=Role.AUDIT_COMMITTEE).values_list("user", flat=True)
    )
    assert len(board) == 2
    assert len(audit) == 2
    assert not board & audit


def test_the_coach_coaches_the_start_up_room_and_one_more() -> None:

    coached = Room.objects.filter(grants__role=Role.PROJECT_COACH)
    assert coached.count() == 2
    assert coached.filter(stage=Stage.LOCATION_FOUND).exists()


def test_three_rooms_are_operational_and_one_is_starting_up() -> None:

    assert Room.objects.filter(stage=Stage.OPERATIONAL).count() == 3
    starting = Room.objects.exclude(stage=Stage.OPERATIONAL)
    assert [room.in_start_up for room in starting] == [True]


def test_every_operational_room_has_a_coordinator_and_a_business_account() -> None:

    for room in Room.objects.filter(stage=Stage.OPERATIONAL):
        assert room.grants.filter(role=Role.TEAM_COORDINATOR).count() == 1
        assert room.bank_iban.startswith("NL")
        assert room.bank_holder


def test_there_is_an_organisation_of_every_kind() -> None:

    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == set(OrganisationKind.values)
    assert all(org.contacts.exists() for org in Organisation.objects.all())


def test_operational_rooms_passed_every_gate_in_order_in_the_past() -> None:
    today = LOAD_DAY

    for room in Room.objects.filter(stage=Stage.OPERATIONAL):
        changes = list(room.stage_changes.order_by("created_at"))
        assert [change.to_stage for change in changes] == START_UP_ORDER[1:]
        assert changes[-1].created_at.date() < today
        assert room.stage_since == timezone.localtime(changes[-1].created_at).date()


def test_the_start_up_room_waits_for_its_funding_decision() -> None:
    room = Room.objects.get(stage=Stage.LOCATION_FOUND)
    today = LOAD_DAY

    assert room.agreements.get(kind=AgreementKind.LETTER_OF_INTENT).signed_by_all
    assert room.locations.count() == 3
    assert room.locations.filter(status=LocationStatus.CHOSEN).count() == 1
    submitted = room.funding_applications.get(status=FundingStatus.SUBMITTED)
    assert submitted.decision_expected_on is not None
    assert submitted.decision_expected_on > today
    assert missing_evidence(room, Stage.FUNDED)
    cooperation = room.agreements.get(kind=AgreementKind.COOPERATION)
    assert cooperation.status == AgreementStatus.NEGOTIATING


def test_the_start_up_checklist_is_partly_done_with_due_dates() -> None:
    checklist = Room.objects.get(stage=Stage.LOCATION_FOUND).checklist

    assert checklist.filter(done_on__isnull=False).exists()
    assert checklist.filter(done_on__isnull=True, due_on__isnull=False).exists()


def test_signed_agreements_carry_a_stored_pdf(
    settings: Settings, demo_uploads: Path
) -> None:
    # The demo stored its files before this test moved uploads elsewhere.
    settings.MEDIA_ROOT = demo_uploads

    signed = apps.get_model("brokering", "Agreement").objects.filter(
        status=AgreementStatus.SIGNED
    )
    # Seven from the start-up tracks; a partnership and this year's annual
    # agreement for each of the three operational rooms.
    assert signed.count() == 7 + 2 * 3
    for agreement in signed:
        assert agreement.signed_document is not None
        with agreement.signed_document.file.open("rb") as stored:
            assert stored.read(5) == b"%PDF-"


def test_the_register_holds_people_who_left() -> None:
    memberships = apps.get_model("people", "Membership").objects

    assert memberships.filter(left_on__isnull=False).count() >= 2
    assert memberships.filter(left_on__isnull=True).count() >= 20


def test_a_second_run_adds_nothing(settings: Settings) -> None:
    settings.DEBUG = True
    before = row_counts()

    output = load_demo()

    assert "already" in output
    assert row_counts() == before


def test_reset_refuses_a_database_with_logins_of_its_own(settings: Settings) -> None:
    settings.DEBUG = True
    UserFactory(email="echte.gebruiker@example.nl")
    before = row_counts()

    with pytest.raises(CommandError, match="echte.gebruiker@example.nl"):
        load_demo("--reset")

    assert row_counts() == before
