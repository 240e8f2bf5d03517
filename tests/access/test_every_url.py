"""Walks every URL pattern of the project for every role and checks the answer the
policy prescribes. A page added later is covered without anyone adding it here: an
unguarded view, or a URL argument with no sample below, fails this test."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.http import Http404
from django.urls import URLPattern, URLResolver, get_resolver

from buurtwerkkamer.accounts.tokens import issue_token
from buurtwerkkamer.core.guards import Guard
from buurtwerkkamer.core.models import Job, JobStatus
from buurtwerkkamer.finance.constants import IMPORT_JOB
from tests.accountability.factories import AnnualReportFactory, FindingFactory
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.brokering.factories import ReportingDateFactory, ResultObligationFactory
from tests.development.factories import (
    EvaluationFactory,
    FollowUpFactory,
    LearningPlanFactory,
    TrainingParticipantFactory,
)
from tests.employer.factories import ApplicantFactory, ContractEvaluationFactory
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    BankStatementFactory,
    BankTransactionFactory,
    ChecklistItemFactory,
    ContactPersonFactory,
    DocumentFactory,
    ExpenseFactory,
    FixedCostFactory,
    FundingApplicationFactory,
    LocationFactory,
    MembershipFactory,
    PersonFactory,
    SepaBatchFactory,
    TalkFactory,
)
from tests.mediation.factories import ExclusionFactory, MediationCaseFactory
from tests.meetings.factories import ActionItemFactory, MeetingFactory
from tests.personas import ROLES, World
from tests.placements.factories import PlacementFactory, SignalFactory
from tests.teamwork.factories import (
    BreachFactory,
    HouseRulesFactory,
    PartnerContactFactory,
    WorkAgreementFactory,
    YearlyGoalFactory,
)

# Views that anyone may open, or that guard themselves in another way.
PUBLIC = {
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:password_change",
    "accounts:password_change_done",
    # Calendar apps cannot log in; the unguessable token in the address is the key.
    "accounts:calendar_feed",
    # The second step of logging in, before any role is trusted.
    "accounts:two_factor_verify",
    "set_language",
    # Load balancers and monitoring ask without logging in; it tells nothing.
    "core:health",
}
# Trees with their own guard and their own tests: the admin (staff only) and the API.
SEPARATE = ("beheer/", "api/v1/")


def walk(
    resolver: URLResolver, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, Any]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + str(entry.pattern), space)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else ""
            yield name, prefix + str(entry.pattern), entry.callback


def samples(world: World, room: Any) -> dict[str, str]:
    """One record of each kind in the given room, keyed by the URL argument name."""
    agreement = AgreementFactory(room=room)
    party = AgreementPartyFactory(
        agreement=agreement, organisation=world.partner_organisation
    )
    person = PersonFactory(rooms=[room])
    statement = BankStatementFactory(room=room)
    participant = TrainingParticipantFactory(training__room=room)
    meeting = MeetingFactory(room=room)
    applicant = ApplicantFactory(vacancy__room=room)
    # A placement's contract: a case file, closed to the treasurer too.
    placement = PlacementFactory(candidate__room=room)
    return {
        "room": room.slug,
        "organisation": world.partner_organisation.slug,
        "person": str(person.uuid),
        "membership": str(MembershipFactory(person=person).uuid),
        "document": str(DocumentFactory(room_id_scope=room.pk).uuid),
        "agreement": str(agreement.uuid),
        "party": str(party.uuid),
        "obligation": str(ResultObligationFactory(agreement__room=room).uuid),
        "reporting": str(ReportingDateFactory(application__room=room).uuid),
        "application": str(FundingApplicationFactory(room=room).uuid),
        "location": str(LocationFactory(room=room).uuid),
        "item": str(ChecklistItemFactory(room=room).uuid),
        "talk": str(TalkFactory(room=room).uuid),
        "contact": str(
            ContactPersonFactory(organisation=world.partner_organisation).uuid
        ),
        "batch": str(SepaBatchFactory().uuid),
        "expense": str(ExpenseFactory(room=room).uuid),
        "statement": str(statement.uuid),
        "transaction": str(BankTransactionFactory(statement=statement).uuid),
        "cost": str(FixedCostFactory(room=room).uuid),
        "year": "2026",
        "evaluation": str(EvaluationFactory(room=room).uuid),
        "followup": str(FollowUpFactory(evaluation__room=room).uuid),
        "plan": str(LearningPlanFactory(room=room, year=2026).uuid),
        "training": str(participant.training.uuid),
        "participant": str(participant.uuid),
        "activity": str(ActivityFactory(room=room).uuid),
        "session": str(SessionFactory(activity__room=room).uuid),
        "meeting": str(meeting.uuid),
        # Owned by the board, who sees every meeting: nobody else owns it.
        "action": str(
            ActionItemFactory(meeting=meeting, owner=world.users["board"]).uuid
        ),
        # An API token is its owner's alone: the board's, 404 to others.
        "token_id": str(issue_token(world.users["board"], "sample")[0].public_id),
        "rules": str(HouseRulesFactory(room=room).uuid),
        "breach": str(BreachFactory(room=room).uuid),
        "workagreement": str(WorkAgreementFactory(room=room).uuid),
        "goal": str(YearlyGoalFactory(room=room).uuid),
        "contactlog": str(PartnerContactFactory(room=room).uuid),
        "case": str(MediationCaseFactory(room=room).uuid),
        "exclusion": str(ExclusionFactory(room=room).uuid),
        "contract": str(placement.contract.uuid),
        "contractevaluation": str(
            ContractEvaluationFactory(contract=placement.contract).uuid
        ),
        "applicant": str(applicant.uuid),
        "vacancy": str(applicant.vacancy.uuid),
        "candidate": str(placement.candidate.uuid),
        "placement": str(placement.uuid),
        "signal": str(SignalFactory(placement=placement).uuid),
        "report": str(AnnualReportFactory(room=room).uuid),
        "finding": str(FindingFactory(room=room).pk),
        # A job is its starter's alone: the treasurer's import, 404 to others.
        "job": str(
            Job.objects.create(
                kind=IMPORT_JOB,
                user=world.users["treasurer"],
                language="nl",
                status=JobStatus.DONE,
                result={"added": 1},
            ).uuid
        ),
    }


def fill(pattern: str, values: dict[str, str]) -> tuple[str, dict[str, str]]:
    kwargs = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(2)
        assert name in values, f"no sample for URL argument <{name}> in {pattern}"
        kwargs[name] = values[name]
        return values[name]

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", replace, pattern), kwargs


def expected(guard: Guard, user: Any, kwargs: dict[str, str]) -> int:
    try:
        target = guard.target(user, **kwargs)
    except Http404:
        return 404
    return 200 if guard.allows(user, target) else 403


def project_views() -> list[tuple[str, str, Any]]:
    return [
        (name, pattern, view)
        for name, pattern, view in walk(get_resolver())
        if not pattern.startswith(SEPARATE)
    ]


def test_every_project_view_is_guarded_or_declared_public() -> None:
    unguarded = [
        name or pattern
        for name, pattern, view in project_views()
        if not hasattr(view, "guard") and name not in PUBLIC
    ]
    assert unguarded == []


@pytest.mark.parametrize("role", [*ROLES, "nobody"])
@pytest.mark.parametrize("where", ["home", "elsewhere"])
def test_every_url_answers_as_the_policy_prescribes(
    client, world: World, role: str, where: str
) -> None:
    room = world.room if where == "home" else world.other_room
    values = samples(world, room)
    user = world.users[role]
    client.force_login(user)
    checked = 0
    for _name, pattern, view in project_views():
        guard = getattr(view, "guard", None)
        if guard is None:
            continue
        url, kwargs = fill(pattern, values)
        want = expected(guard, user, kwargs)
        user.__dict__.pop("_bwk_roles", None)
        got = client.get(url).status_code
        if want == 200:
            # Pages answer 200; actions that only take POST answer 405 to a GET.
            assert got in (200, 405), f"{role} {url}: {got}, expected success"
        else:
            assert got == want, f"{role} {url}: {got}, expected {want}"
        checked += 1
    assert checked >= 20


def test_anonymous_visitors_are_sent_to_the_login_page(client, world: World) -> None:
    values = samples(world, world.room)
    for _name, pattern, view in project_views():
        if hasattr(view, "guard"):
            url, _kwargs = fill(pattern, values)
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/account/inloggen/"), url


# Written out by hand rather than asked of the guards: roles held in one room find
# nothing of another room, whatever the page.
ROOM_BOUND = ["project_coach", "team_coordinator", "volunteer", "partner", "nobody"]


@pytest.mark.parametrize("role", ROOM_BOUND)
def test_room_bound_roles_find_nothing_of_another_room(
    client, world: World, role: str
) -> None:
    values = samples(world, world.other_room)
    client.force_login(world.users[role])
    for _name, pattern, view in project_views():
        if not hasattr(view, "guard"):
            continue
        url, kwargs = fill(pattern, values)
        # A year alone points at no room: the page is the cooperative's.
        if set(kwargs) <= {"organisation", "contact", "year"}:
            continue
        assert client.get(url).status_code == 404, f"{role} {url}"
