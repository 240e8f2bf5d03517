"""Every list page and the pages that list a room's records answer with the same
number of queries, whatever the amount of data."""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.finance.models import ClosedMonth, CooperativeAccount
from tests.activities.factories import (
    SessionParticipantFactory,
    SessionVolunteerFactory,
)
from tests.brokering.factories import AnnualAgreementFactory
from tests.development.factories import (
    FollowUpFactory,
    LearningPlanFactory,
    TrainingParticipantFactory,
)
from tests.employer.factories import (
    ApplicantFactory,
    ConductCertificateFactory,
    ContractEvaluationFactory,
    VolunteerAllowanceFactory,
    VolunteerTaskFactory,
)
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    BankStatementFactory,
    BankTransactionFactory,
    BudgetFactory,
    BudgetLineFactory,
    ChecklistItemFactory,
    ContactPersonFactory,
    ExpenseFactory,
    FixedCostFactory,
    FixedCostTemplateFactory,
    FundingApplicationFactory,
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SepaBatchFactory,
    TalkFactory,
    TransferFactory,
)
from tests.mediation.factories import (
    ExclusionFactory,
    MediationCaseFactory,
    MediationSessionFactory,
)
from tests.meetings.factories import (
    ActionItemFactory,
    AttendeeFactory,
    MeetingFactory,
)
from tests.personas import World, build_world
from tests.placements.factories import (
    CandidateFactory,
    PlacementVacancyFactory,
    SignalContactFactory,
)
from tests.teamwork.factories import (
    BreachFactory,
    GoalNoteFactory,
    HouseRulesFactory,
    PartnerContactFactory,
    WorkAgreementFactory,
)

# The world is built once for the module (see `counted`); each test only compares.
pytestmark = pytest.mark.django_db


def fill(world: World, count: int) -> None:
    room = world.room
    if not CooperativeAccount.objects.exists():
        CooperativeAccount.objects.create(name="Cooperatie", iban="NL20INGB0001234567")
    for other in RoomFactory.create_batch(count):
        TransferFactory(room=other)
    batch = SepaBatchFactory()
    for _ in range(count):
        organisation = OrganisationFactory()
        ContactPersonFactory(organisation=organisation)
        room.partners.add(organisation)
        agreement = AgreementFactory(room=room)
        AgreementPartyFactory(agreement=agreement, organisation=organisation)
        AnnualAgreementFactory(room=RoomFactory(), year=2027)
        FundingApplicationFactory(room=room, funder=organisation, submitted=True)
        LocationFactory(room=room)
        TalkFactory(room=room, organisation=organisation)
        ChecklistItemFactory(room=room)
        MembershipFactory(person=PersonFactory(rooms=[room]))
        TransferFactory(room=room, batch=batch)
        ExpenseFactory(room=room, receipt=None)
        FixedCostFactory(room=room)
        FixedCostTemplateFactory(room=room)
        BudgetLineFactory(budget=BudgetFactory(room=RoomFactory()))
        ClosedMonth.objects.create(
            room=RoomFactory(),
            month=datetime.date(2026, 10, 1),
            opening_balance=0,
            transfers_in=0,
            expenses_out=0,
            closing_balance=0,
            bank_balance=0,
            closed_by=world.users["treasurer"],
            closed_at=timezone.now(),
        )
        FollowUpFactory(evaluation__room=room, owner=world.users["team_coordinator"])
        LearningPlanFactory(room=RoomFactory(), year=2026)
        TrainingParticipantFactory(training__room=room, completed=True)
        meeting = MeetingFactory(room=room)
        AttendeeFactory(meeting=meeting)
        ActionItemFactory(meeting=meeting)
        statement = BankStatementFactory(room=room)
        BankTransactionFactory(statement=statement)
        present = SessionVolunteerFactory(session__activity__room=room)
        SessionParticipantFactory(session=present.session)
        SessionVolunteerFactory(session__activity__room=RoomFactory())
        BankTransactionFactory(statement=statement, expense=ExpenseFactory(room=room))
        this_month = timezone.localdate().replace(day=1)
        ContractEvaluationFactory(
            contract__rooms=[room], contract__ends_on=None, due_on=this_month
        )
        VolunteerTaskFactory(room=room)
        ConductCertificateFactory(room=room)
        VolunteerAllowanceFactory(room=room, month=this_month)
        ApplicantFactory(vacancy__room=room)
        PlacementVacancyFactory(room=room)
        CandidateFactory(room=room)
        SignalContactFactory(signal__placement__candidate__room=room)
        HouseRulesFactory(room=room)
        BreachFactory(room=room)
        WorkAgreementFactory(room=room)
        GoalNoteFactory(goal__room=room)
        PartnerContactFactory(room=room, organisation=organisation)
        MediationSessionFactory(case=MediationCaseFactory(room=room))
        today = timezone.localdate()
        ExclusionFactory(
            room=room,
            starts_on=today - datetime.timedelta(days=1),
            ends_on=today + datetime.timedelta(days=5),
        )


Page = tuple[str, str, dict[str, Any]]

PAGES: list[Page] = [
    ("board", "core:dashboard", {}),
    ("board", "rooms:list", {}),
    ("board", "meetings:all", {}),
    ("project_coach", "meetings:all", {}),
    ("team_coordinator", "meetings:room", {"room": "thuis"}),
    ("partner", "meetings:room", {"room": "thuis"}),
    ("board", "rooms:detail", {"room": "thuis"}),
    ("board", "partners:list", {}),
    ("board", "partners:detail", {"organisation": "gemeente-thuis"}),
    ("board", "people:list", {}),
    ("treasurer", "people:register", {}),
    ("project_coach", "startup:track", {"room": "thuis"}),
    ("project_coach", "brokering:room", {"room": "thuis"}),
    ("board", "brokering:annual_overview", {}),
    ("project_coach", "brokering:annual_overview", {}),
    ("partner", "core:dashboard", {}),
    ("treasurer", "finance:petty_cash", {}),
    ("treasurer", "finance:batches", {}),
    ("team_coordinator", "finance:room", {"room": "thuis"}),
    ("treasurer", "finance:fixed_costs", {"room": "thuis"}),
    ("project_coach", "finance:fixed_costs", {"room": "thuis"}),
    ("treasurer", "finance:fixed_cost_templates", {}),
    ("treasurer", "finance:budget", {"room": "thuis"}),
    ("treasurer", "finance:bank_statements", {}),
    ("treasurer", "finance:bank_cooperative", {}),
    ("treasurer", "finance:bank_room", {"room": "thuis"}),
    ("accountant", "finance:journal", {}),
    ("team_coordinator", "finance:bank_room", {"room": "thuis"}),
    ("treasurer", "finance:overview", {}),
    ("audit_committee", "finance:overview", {}),
    ("treasurer", "finance:room_year", {"room": "thuis", "year": 2026}),
    ("team_coordinator", "finance:room_year", {"room": "thuis", "year": 2026}),
    ("board", "development:index", {}),
    ("partner", "development:index", {}),
    ("team_coordinator", "development:room", {"room": "thuis"}),
    ("volunteer", "development:room", {"room": "thuis"}),
    ("partner", "development:room", {"room": "thuis"}),
    ("team_coordinator", "core:dashboard", {}),
    ("volunteer", "activities:room", {"room": "thuis"}),
    ("team_coordinator", "activities:room_figures", {"room": "thuis"}),
    ("board", "activities:overview", {}),
    ("project_coach", "activities:overview", {}),
    ("volunteer", "core:dashboard", {}),
    ("board", "teamwork:index", {}),
    ("volunteer", "teamwork:room", {"room": "thuis"}),
    ("volunteer", "teamwork:rules_list", {"room": "thuis"}),
    ("team_coordinator", "teamwork:breach_list", {"room": "thuis"}),
    ("project_coach", "teamwork:agreement_list", {"room": "thuis"}),
    ("project_coach", "teamwork:goal_list", {"room": "thuis"}),
    ("team_coordinator", "teamwork:contact_list", {"room": "thuis"}),
    ("board", "mediation:index", {}),
    ("team_coordinator", "mediation:room", {"room": "thuis"}),
    ("volunteer", "mediation:room", {"room": "thuis"}),
    ("board", "employer:index", {}),
    ("treasurer", "employer:index", {}),
    ("project_coach", "employer:index", {}),
    ("board", "employer:vacancies", {}),
    ("team_coordinator", "employer:volunteers", {"room": "thuis"}),
    ("treasurer", "employer:volunteers", {"room": "thuis"}),
    ("board", "placements:index", {}),
    ("project_coach", "placements:index", {}),
    ("team_coordinator", "placements:room", {"room": "thuis"}),
]


def queries_for(client: Client, world: World, page: Page) -> int:
    role, name, kwargs = page
    client.force_login(world.users[role])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, (page, response.status_code)
    return len(captured)


def key(page: Page) -> str:
    return repr(page)


@pytest.fixture(scope="module")
def counted(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[dict[str, tuple[int, int]]]:
    """The queries of every page on few records and then on many, measured in one
    world that the module builds once (building it per page took minutes) inside
    a transaction rolled back at its end. Each page is asked once before it is
    counted, so that caches filled on a first request do not count."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            client = Client()
            fill(world, 2)
            few = {}
            for page in PAGES:
                queries_for(client, world, page)
                few[key(page)] = queries_for(client, world, page)
            fill(world, 12)
            counts = {
                key(page): (few[key(page)], queries_for(client, world, page))
                for page in PAGES
            }
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
    yield counts


@pytest.mark.parametrize("page", PAGES, ids=lambda page: f"{page[0]}-{page[1]}")
def test_a_page_takes_the_same_queries_for_few_and_many_records(
    counted: dict[str, tuple[int, int]], page: Page
) -> None:
    few, many = counted[key(page)]
    assert many == few
