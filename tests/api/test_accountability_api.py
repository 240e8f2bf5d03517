"""The annual reports API: the pages' scope (partners only what is published of
their rooms, never a draft), each step of the route through the route service
with its refusals as 400 answers that change nothing, and the PDF."""

import hashlib
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.test import APIClient
from weasyprint import HTML

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accountability import route
from buurtwerkkamer.accountability.constants import ReportStatus, StepKind
from buurtwerkkamer.accountability.models import AnnualReport, ReportStep
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.finance.models import FrozenYear

from ..accountability.factories import AnnualReportFactory
from ..factories import (
    DocumentFactory,
    GrantFactory,
    OrganisationFactory,
    RoomFactory,
    UserFactory,
)
from ..personas import World
from .conftest import ApiFor
from .finance_helpers import dutch

YEAR = 2025
OUT_OF_ORDER = "This step does not fit a report that is %(status)s."
TOO_FEW = (
    "A review needs at least %(count)d members of the audit committee "
    "who are not on the board."
)
NO_REMARKS = "Say what has to change before it comes back."
EVERY_REPORT = {"home_draft", "home_approved", "home_published", "elders", "coop"}
SEEN = {
    "board": EVERY_REPORT,
    "treasurer": EVERY_REPORT,
    "audit_committee": EVERY_REPORT,
    "accountant": EVERY_REPORT,
    "project_coach": {"home_draft", "home_approved", "home_published"},
    "team_coordinator": {"home_draft", "home_approved", "home_published"},
    "elders_coordinator": {"elders"},
    "partner": {"home_published", "coop"},
}


def url(name: str, report: AnnualReport) -> str:
    return reverse(f"api:annualreport-{name}", kwargs={"uuid": report.uuid})


def statement() -> SimpleUploadedFile:
    data = HTML(string="<p>Goedkeurende verklaring</p>").write_pdf()
    return SimpleUploadedFile("verklaring.pdf", data, content_type="application/pdf")


@pytest.fixture
def reports(world: World) -> dict[str, AnnualReport]:
    """A report at each step that matters for who sees it: drafts, approved and
    published ones of the home room, one of the other room, the cooperation's."""
    return {
        "home_draft": AnnualReportFactory(room=world.room, year=YEAR),
        "home_approved": AnnualReportFactory(
            room=world.room, year=2024, status=ReportStatus.APPROVED
        ),
        "home_published": AnnualReportFactory(
            room=world.room, year=2023, status=ReportStatus.PUBLISHED
        ),
        "elders": AnnualReportFactory(
            room=world.other_room, year=YEAR, status=ReportStatus.PUBLISHED
        ),
        "coop": AnnualReportFactory(
            room=None, year=YEAR, status=ReportStatus.PUBLISHED
        ),
    }


@pytest.fixture
def committee(world: World) -> list[User]:
    second = UserFactory(name="Tweede lid kascommissie")
    GrantFactory(user=second, role=Role.AUDIT_COMMITTEE)
    return [world.users["audit_committee"], second]


@pytest.fixture
def report(world: World) -> AnnualReport:
    return route.open_report(YEAR, world.room)[0]


def listed(client: APIClient, **filters: str) -> set[str]:
    response = client.get(reverse("api:annualreport-list"), filters)
    assert response.status_code == 200
    return {row["uuid"] for row in response.json()["results"]}


@pytest.mark.parametrize("role", sorted(SEEN))
@pytest.mark.usefixtures("elders_coordinator")
def test_each_role_lists_and_reads_the_reports_the_pages_show_it(
    role: str, reports: dict[str, AnnualReport], api_for: ApiFor
) -> None:
    client = api_for(role)

    uuids = listed(client)
    answers = {
        name: client.get(url("detail", report)).status_code
        for name, report in reports.items()
    }

    expected = {str(reports[name].uuid) for name in SEEN[role]}
    assert uuids == expected
    assert answers == {name: 200 if name in SEEN[role] else 404 for name in reports}


@pytest.mark.parametrize("role", ["volunteer", "nobody"])
def test_a_volunteer_or_a_user_without_a_role_may_not_list_reports(
    role: str, reports: dict[str, AnnualReport], api_for: ApiFor
) -> None:
    response = api_for(role).get(reverse("api:annualreport-list"))

    assert response.status_code == 403


def test_a_partner_reads_their_own_funders_report_but_not_another_funders(
    world: World, api_for: ApiFor
) -> None:
    theirs = AnnualReportFactory(
        room=world.room,
        funder=world.partner_organisation,
        status=ReportStatus.PUBLISHED,
    )
    AnnualReportFactory(
        room=world.room, funder=OrganisationFactory(), status=ReportStatus.PUBLISHED
    )

    uuids = listed(api_for("partner"))

    assert uuids == {str(theirs.uuid)}


def test_a_report_answers_its_texts_steps_and_pdf_address(
    world: World, report: AnnualReport, api_for: ApiFor
) -> None:
    route.save_texts(report, {"activities": "Een goed jaar in de kookclub."})
    route.submit(report, world.users["project_coach"])

    data = api_for("treasurer").get(url("detail", report)).json()

    step = data["steps"][0]
    assert (data["room"], data["funder"], data["year"], data["status"]) == (
        "thuis",
        None,
        YEAR,
        ReportStatus.SUBMITTED,
    )
    assert data["texts"] == {"activities": "Een goed jaar in de kookclub."}
    assert (step["kind"], step["by"], step["remarks"]) == (
        StepKind.SUBMITTED,
        world.users["project_coach"].name,
        "",
    )
    assert data["pdf_sha256"] is None
    assert data["pdf_url"] == f"http://testserver{url('pdf', report)}"


def test_a_report_goes_its_whole_route_through_the_api(
    world: World, report: AnnualReport, committee: list[User], api_for: ApiFor
) -> None:
    submitted = api_for("project_coach").post(url("submit", report))
    reviewed = api_for("audit_committee").post(
        url("review", report),
        {"reviewers": [user.email for user in committee], "passed": True},
        format="json",
    )
    approved = api_for("accountant").post(
        url("approve", report), {"statement": statement()}, format="multipart"
    )
    published = api_for("board").post(url("publish", report))

    report.refresh_from_db()
    answers = [submitted, reviewed, approved, published]
    assert [answer.status_code for answer in answers] == [200] * 4
    assert [answer.json()["status"] for answer in answers] == [
        ReportStatus.SUBMITTED,
        ReportStatus.REVIEWED,
        ReportStatus.APPROVED,
        ReportStatus.PUBLISHED,
    ]
    assert [step["by"] for step in published.json()["steps"]] == [
        world.users[role].name
        for role in ("project_coach", "audit_committee", "accountant", "board")
    ]
    assert set(report.steps.get(kind=StepKind.PASSED).reviewers.all()) == set(committee)
    assert published.json()["pdf_sha256"] == report.pdf.sha256
    assert FrozenYear.objects.filter(room=world.room, year=YEAR).exists()


def test_the_committee_sends_a_report_back_with_remarks(
    world: World, report: AnnualReport, committee: list[User], api_for: ApiFor
) -> None:
    route.submit(report, world.users["project_coach"])

    response = api_for("audit_committee").post(
        url("review", report),
        {
            "reviewers": [user.email for user in committee],
            "passed": False,
            "remarks": "Bonnen van mei missen.",
        },
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["status"] == ReportStatus.DRAFT
    assert response.json()["steps"][-1]["remarks"] == "Bonnen van mei missen."


@pytest.mark.parametrize(
    ("role", "step", "status"),
    [
        ("board", "publish", ReportStatus.DRAFT),
        ("audit_committee", "review", ReportStatus.DRAFT),
        ("board", "submit", ReportStatus.SUBMITTED),
        ("accountant", "approve", ReportStatus.SUBMITTED),
    ],
)
def test_a_step_out_of_order_is_a_400_that_changes_nothing(
    role: str,
    step: str,
    status: str,
    report: AnnualReport,
    committee: list[User],
    api_for: ApiFor,
) -> None:
    AnnualReport.objects.filter(pk=report.pk).update(status=status)
    bodies = {
        "review": {"reviewers": [user.email for user in committee], "passed": True},
        "approve": {"statement": statement()},
    }

    response = api_for(role).post(url(step, report), bodies.get(step, {}))

    report.refresh_from_db()
    assert response.status_code == 400
    with translation.override("nl"):
        label = str(ReportStatus(status).label).lower()
    assert response.json() == {"non_field_errors": [dutch(OUT_OF_ORDER, status=label)]}
    assert report.status == status
    assert not report.steps.exists()


def test_a_review_by_one_member_is_a_400_that_changes_nothing(
    world: World, report: AnnualReport, api_for: ApiFor
) -> None:
    route.submit(report, world.users["project_coach"])
    member = world.users["audit_committee"]

    response = api_for("audit_committee").post(
        url("review", report),
        {"reviewers": [member.email], "passed": True},
        format="json",
    )

    report.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [dutch(TOO_FEW, count=2)]}
    assert report.status == ReportStatus.SUBMITTED
    assert list(report.steps.values_list("kind", flat=True)) == [StepKind.SUBMITTED]


def test_a_review_with_a_board_member_among_the_reviewers_is_a_400(
    world: World, report: AnnualReport, committee: list[User], api_for: ApiFor
) -> None:
    route.submit(report, world.users["project_coach"])
    on_board = world.users["board"]
    GrantFactory(user=on_board, role=Role.AUDIT_COMMITTEE)

    response = api_for("audit_committee").post(
        url("review", report),
        {"reviewers": [committee[0].email, on_board.email], "passed": True},
        format="json",
    )

    report.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [dutch(TOO_FEW, count=2)]}
    assert report.status == ReportStatus.SUBMITTED


def test_sending_back_without_remarks_is_a_400(
    world: World, report: AnnualReport, committee: list[User], api_for: ApiFor
) -> None:
    route.submit(report, world.users["project_coach"])

    response = api_for("audit_committee").post(
        url("review", report),
        {"reviewers": [user.email for user in committee], "passed": False},
        format="json",
    )

    report.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [dutch(NO_REMARKS)]}
    assert report.status == ReportStatus.SUBMITTED


@pytest.mark.parametrize(
    ("role", "step"),
    [
        ("team_coordinator", "submit"),
        ("treasurer", "review"),
        ("board", "approve"),
        ("accountant", "publish"),
    ],
)
def test_a_step_by_a_reader_without_its_role_is_a_403(
    role: str, step: str, report: AnnualReport, api_for: ApiFor
) -> None:
    response = api_for(role).post(url(step, report), {})

    report.refresh_from_db()
    assert response.status_code == 403
    assert report.status == ReportStatus.DRAFT


def test_a_partner_cannot_reach_a_step_of_a_draft(
    report: AnnualReport, api_for: ApiFor
) -> None:
    response = api_for("partner").post(url("submit", report))

    report.refresh_from_db()
    assert response.status_code == 404
    assert report.status == ReportStatus.DRAFT


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "statement"),
        ({"statement": SimpleUploadedFile("v.pdf", b"MZ\x90\x00 geen pdf")}, None),
    ],
)
def test_an_approval_without_a_pdf_statement_is_a_400_that_changes_nothing(
    body: dict,
    field: str | None,
    report: AnnualReport,
    api_for: ApiFor,
) -> None:
    AnnualReport.objects.filter(pk=report.pk).update(status=ReportStatus.REVIEWED)

    response = api_for("accountant").post(
        url("approve", report), body, format="multipart"
    )

    report.refresh_from_db()
    assert response.status_code == 400
    assert "statement" in response.json()
    assert (report.status, report.statement, report.figures) == (
        ReportStatus.REVIEWED,
        None,
        None,
    )
    assert not FrozenYear.objects.exists()


def test_the_pdf_of_an_open_report_is_made_from_todays_data(
    report: AnnualReport, api_for: ApiFor
) -> None:
    response = api_for("team_coordinator").get(url("pdf", report))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    name = f"jaarrapportage-{YEAR}-{report.uuid}.pdf"
    assert name in response["Content-Disposition"]


def test_the_pdf_of_an_approved_report_is_the_one_kept_with_its_hash(
    world: World, report: AnnualReport, committee: list[User], api_for: ApiFor
) -> None:
    route.submit(report, world.users["project_coach"])
    route.review(report, committee[0], committee, passed=True)
    route.approve(report, world.users["accountant"], statement())
    client = api_for("board")

    response = client.get(url("pdf", report), HTTP_ACCEPT="application/pdf")
    data = client.get(url("detail", report)).json()

    body = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(body).hexdigest() == data["pdf_sha256"]


@pytest.mark.parametrize(
    ("status", "answer"),
    [(ReportStatus.PUBLISHED, 200), (ReportStatus.APPROVED, 404)],
)
def test_a_partner_fetches_the_pdf_of_a_published_report_only(
    world: World, status: str, answer: int, api_for: ApiFor
) -> None:
    document = DocumentFactory()
    report = AnnualReportFactory(room=world.room, status=status, pdf=document)

    response = api_for("partner").get(url("pdf", report), HTTP_ACCEPT="application/pdf")

    assert response.status_code == answer
    if answer == 404:
        assert response["Content-Type"] == "application/json"


def test_the_list_filters_by_year_and_room(
    reports: dict[str, AnnualReport], api_for: ApiFor
) -> None:
    client = api_for("board")

    by_year = listed(client, year=str(YEAR))
    by_room = listed(client, room="elders")
    both = listed(client, year="2023", room="thuis")

    assert by_year == {
        str(reports[name].uuid) for name in ("home_draft", "elders", "coop")
    }
    assert by_room == {str(reports["elders"].uuid)}
    assert both == {str(reports["home_published"].uuid)}


@pytest.mark.parametrize("year", ["twintig", "1900"])
def test_a_year_that_is_no_year_is_a_400(year: str, api_for: ApiFor) -> None:
    response = api_for("board").get(reverse("api:annualreport-list"), {"year": year})

    assert response.status_code == 400
    assert "year" in response.json()


def add_reports(world: World, count: int) -> None:
    """Approved reports of rooms of their own, each with its kept PDF and two
    steps."""
    for _index in range(count):
        report = AnnualReportFactory(
            room=RoomFactory(),
            funder=world.partner_organisation,
            status=ReportStatus.APPROVED,
            pdf=DocumentFactory(),
        )
        for kind in (StepKind.SUBMITTED, StepKind.APPROVED):
            ReportStep.objects.create(
                report=report, kind=kind, by=UserFactory(), at=timezone.now()
            )


def test_a_list_of_30_reports_takes_the_queries_of_a_list_of_3(
    world: World, api_for: ApiFor, django_assert_max_num_queries: Callable
) -> None:
    url = reverse("api:annualreport-list")
    client = api_for("board")
    add_reports(world, 3)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).json()["count"] == 3
    add_reports(world, 27)

    with django_assert_max_num_queries(len(small)):
        large = client.get(url).json()

    assert large["count"] == 30
    assert all(len(row["steps"]) == 2 for row in large["results"])
