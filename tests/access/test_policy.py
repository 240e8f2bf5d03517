"""What each role may do, written out by hand so a policy change shows up here."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.queries import agreements_for
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    DocumentFactory,
    FundingApplicationFactory,
    PersonFactory,
    UserFactory,
)
from tests.personas import World

EVERYONE = {r.value for r in Role}


@pytest.mark.parametrize(
    ("permission", "allowed"),
    [
        ("rooms.view_room", EVERYONE),
        ("rooms.change_room", {"board", "project_coach"}),
        ("rooms.change_bank_account", {"board", "treasurer"}),
        (
            "startup.view_track",
            {"board", "treasurer", "project_coach", "team_coordinator"},
        ),
        (
            "brokering.list_agreements",
            EVERYONE - {"volunteer", "audit_committee", "accountant"},
        ),
        ("startup.advance_stage", {"board", "project_coach"}),
        ("startup.override_gate", {"board"}),
        ("startup.tick_checklist", {"board", "project_coach", "team_coordinator"}),
        ("brokering.add_agreement", {"board", "project_coach"}),
        (
            "brokering.view_fundingapplication",
            {
                "board",
                "treasurer",
                "audit_committee",
                "accountant",
                "project_coach",
                "team_coordinator",
            },
        ),
    ],
)
def test_room_permissions_per_role(
    world: World, permission: str, allowed: set[str]
) -> None:
    granted = {
        role for role in EVERYONE if world.users[role].has_perm(permission, world.room)
    }
    assert granted == allowed


def test_room_roles_reach_only_their_own_room(world: World) -> None:
    for role in ("project_coach", "team_coordinator", "volunteer", "partner"):
        visible = set(Room.objects.visible_to(world.users[role]))
        assert visible == {world.room}, role
    assert set(Room.objects.visible_to(world.users["nobody"])) == set()
    assert set(Room.objects.visible_to(world.users["accountant"])) == {
        world.room,
        world.other_room,
    }


def test_partner_users_see_no_people(world: World) -> None:
    PersonFactory(rooms=[world.room])
    assert not Person.objects.visible_to(world.users["partner"]).exists()
    assert Person.objects.visible_to(world.users["team_coordinator"]).count() == 1


def test_volunteers_see_no_funding_applications_of_their_room(world: World) -> None:
    application = FundingApplicationFactory(room=world.room)
    volunteer = world.users["volunteer"]
    assert not volunteer.has_perm("brokering.view_fundingapplication", application)


def test_a_room_role_needs_a_room(db: None) -> None:
    grant = Grant(user=UserFactory(), role=Role.VOLUNTEER)
    with pytest.raises(ValidationError):
        grant.full_clean()
    with pytest.raises(IntegrityError):
        grant.save()


def test_a_new_grant_takes_effect_for_a_user_already_asked(world: World) -> None:
    coach = world.users["project_coach"]
    assert not coach.has_perm("rooms.view_room", world.other_room)
    Grant.objects.create(user=coach, role=Role.PROJECT_COACH, room=world.other_room)
    assert coach.has_perm("rooms.view_room", world.other_room)


def test_those_who_check_the_books_see_no_contact_persons(world: World) -> None:
    organisation = world.partner_organisation
    for role in ("audit_committee", "accountant"):
        user = world.users[role]
        assert user.has_perm("partners.view_organisation", organisation)
        assert not user.has_perm("partners.view_contacts", organisation)
    assert world.users["partner"].has_perm("partners.view_contacts", organisation)


def test_a_partner_reads_no_draft_and_no_agreement_of_others(world: World) -> None:
    partner = world.users["partner"]
    draft = AgreementFactory(room=world.room)
    AgreementPartyFactory(agreement=draft, organisation=world.partner_organisation)
    others = AgreementFactory(room=world.room, status=AgreementStatus.NEGOTIATING)
    AgreementPartyFactory(agreement=others)
    own = AgreementFactory(room=world.room, status=AgreementStatus.NEGOTIATING)
    AgreementPartyFactory(agreement=own, organisation=world.partner_organisation)
    assert [
        a
        for a in (draft, others, own)
        if partner.has_perm("brokering.view_agreement", a)
    ] == [own]
    assert list(agreements_for(partner, world.room)) == [own]
    assert len(agreements_for(world.users["project_coach"], world.room)) == 3


def test_funding_decision_letters_are_finance_for_the_audit_committee(
    world: World,
) -> None:
    decision = DocumentFactory(room_id_scope=world.room.pk, kind=DocumentKind.FUNDING)
    signed = DocumentFactory(room_id_scope=world.room.pk, kind=DocumentKind.AGREEMENT)
    auditor = world.users["audit_committee"]
    assert auditor.has_perm("documents.view_document", decision)
    assert not auditor.has_perm("documents.view_document", signed)


def test_a_role_is_held_once_even_where_sqlite_cannot_enforce_it(world: World) -> None:
    duplicate = Grant(user=world.users["board"], role=Role.BOARD)
    with pytest.raises(ValidationError):
        duplicate.full_clean()
