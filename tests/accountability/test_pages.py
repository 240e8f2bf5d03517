"""The report pages: generating a year's reports as one job, the steps through
their forms, and what partners may read (only what is published, of their own
rooms, and a funder's report only when it is theirs)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accountability import route
from buurtwerkkamer.accountability.constants import ReportStatus
from buurtwerkkamer.accountability.models import AnnualReport
from buurtwerkkamer.core.models import Job, JobStatus
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    GrantFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.personas import World

from .factories import AnnualReportFactory

YEAR = 2025


def url(name: str, report: AnnualReport) -> str:
    return reverse(f"accountability:{name}", kwargs={"report": report.uuid})


def test_the_board_makes_every_report_of_a_year_in_one_job(
    client, world: World
) -> None:
    agreement = AgreementFactory(room=world.room, kind="annual", year=YEAR)
    AgreementPartyFactory(agreement=agreement, organisation=world.partner_organisation)
    client.force_login(world.users["board"])

    response = client.post(reverse("accountability:generate"), {"year": YEAR})

    job = Job.objects.get(kind="accountability.generate")
    assert response.status_code == 302
    assert job.status == JobStatus.DONE
    reports = AnnualReport.objects.filter(year=YEAR)
    assert {(report.room, report.funder) for report in reports} == {
        (world.room, None),
        (world.room, world.partner_organisation),
        (None, None),
    }
    assert all(report.pdf is not None for report in reports)


def test_a_year_without_agreements_or_budgets_makes_no_reports(
    client, world: World
) -> None:
    client.force_login(world.users["board"])

    client.post(reverse("accountability:generate"), {"year": 2019})

    job = Job.objects.get(kind="accountability.generate")
    assert job.status == JobStatus.FAILED
    assert job.errors
    assert not AnnualReport.objects.exists()


def test_the_coach_writes_the_texts_of_a_draft_and_submits_it(
    client, world: World
) -> None:
    report = AnnualReportFactory(room=world.room)
    client.force_login(world.users["project_coach"])

    client.post(url("texts", report), {"volunteers": "Twaalf vaste vrijwilligers."})
    client.post(url("submit", report))
    after = client.get(url("texts", report))

    report.refresh_from_db()
    assert report.texts == {"volunteers": "Twaalf vaste vrijwilligers."}
    assert report.status == ReportStatus.SUBMITTED
    assert after.status_code == 403


def test_the_committee_records_its_review_through_the_form(
    client, world: World
) -> None:
    second = UserFactory()
    GrantFactory(user=second, role=Role.AUDIT_COMMITTEE)
    report = AnnualReportFactory(room=world.room, status=ReportStatus.SUBMITTED)
    member = world.users["audit_committee"]
    client.force_login(member)

    alone = client.post(
        url("review", report), {"reviewers": [member.pk], "passed": "1"}
    )
    both = client.post(
        url("review", report), {"reviewers": [member.pk, second.pk], "passed": "1"}
    )

    assert alone.status_code == 400
    assert alone.context["form"].non_field_errors()
    assert both.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.REVIEWED


def test_approving_out_of_order_through_the_page_changes_nothing(
    client, world: World
) -> None:
    report = AnnualReportFactory(room=world.room)
    client.force_login(world.users["accountant"])

    response = client.post(url("approve", report), {})

    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


@pytest.mark.parametrize(
    ("status", "answer"),
    [(ReportStatus.PUBLISHED, 200), (ReportStatus.APPROVED, 404)],
)
def test_a_partner_reads_a_published_report_of_their_room_only(
    client, world: World, status: str, answer: int
) -> None:
    report = AnnualReportFactory(room=world.room, status=status)
    client.force_login(world.users["partner"])

    assert client.get(url("report", report)).status_code == answer
    assert client.get(url("pdf", report)).status_code == answer


def test_a_partner_reaches_no_other_room_nor_another_funders_report(
    client, world: World
) -> None:
    elsewhere = AnnualReportFactory(
        room=world.other_room, status=ReportStatus.PUBLISHED
    )
    other_funder = AnnualReportFactory(
        room=world.room, funder=OrganisationFactory(), status=ReportStatus.PUBLISHED
    )
    theirs = AnnualReportFactory(
        room=world.room,
        funder=world.partner_organisation,
        status=ReportStatus.PUBLISHED,
    )
    client.force_login(world.users["partner"])

    index = client.get(reverse("accountability:index"), {"jaar": YEAR})

    assert client.get(url("report", elsewhere)).status_code == 404
    assert client.get(url("report", other_funder)).status_code == 404
    assert client.get(url("report", theirs)).status_code == 200
    assert list(index.context["reports"]) == [theirs]


def test_the_report_page_shows_the_history(client, world: World) -> None:
    report = route.open_report(YEAR, world.room)[0]
    route.submit(report, world.users["project_coach"])
    client.force_login(world.users["treasurer"])

    response = client.get(url("report", report))

    assert [step.by for step in response.context["steps"]] == [
        world.users["project_coach"]
    ]
    assert world.users["project_coach"].name in response.content.decode()


def test_the_figures_download_as_a_spreadsheet(client, world: World) -> None:
    report = route.open_report(YEAR, world.room)[0]
    client.force_login(world.users["treasurer"])

    response = client.get(url("xlsx", report))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(rows[0]) == 4
    assert len(rows) > 20
    assert all(row[2] is not None or row[0] for row in rows)


def test_the_portal_shows_a_partner_their_rooms_figures_and_published_reports(
    client, world: World
) -> None:
    published = AnnualReportFactory(room=world.room, status=ReportStatus.PUBLISHED)
    AnnualReportFactory(room=world.room, year=YEAR - 1)
    client.force_login(world.users["partner"])

    response = client.get(reverse("accountability:portal"))

    (item,) = response.context["rooms"]
    assert item.room == world.room
    assert item.reports == [published]
    assert len(item.years) == 4
    assert {len(values) for _label, values in item.rows} == {4}


def test_the_portal_is_for_partners(client, world: World) -> None:
    client.force_login(world.users["treasurer"])

    assert client.get(reverse("accountability:portal")).status_code == 403
