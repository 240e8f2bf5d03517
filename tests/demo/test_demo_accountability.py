"""The demo's annual reports: the frozen year's report of Overvecht published
with its PDF and the committee's advice, last year's as drafts with texts (one
submitted), and the committee at work on last year; the pages show them."""

import pytest
from django.test import Client
from django.urls import reverse

from buurtwerkkamer.accountability.constants import ReportStatus
from buurtwerkkamer.accountability.models import AnnualReport, AuditYear
from buurtwerkkamer.accounts.models import User

from .conftest import LOAD_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]


def login(local: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email__startswith=f"{local}@"))
    return client


def test_the_frozen_years_report_is_published_with_its_pdf_and_advice() -> None:
    report = AnnualReport.objects.get(status=ReportStatus.PUBLISHED)

    assert report.year == LOAD_DAY.year - 2
    assert report.pdf.sha256
    assert report.figures["audit"]["advice"]
    assert report.steps.count() == 4


def test_last_years_reports_wait_with_the_teams_texts() -> None:
    reports = AnnualReport.objects.filter(year=LOAD_DAY.year - 1)

    assert {report.status for report in reports} == {
        ReportStatus.DRAFT,
        ReportStatus.SUBMITTED,
    }
    assert all(report.texts for report in reports)


def test_the_committee_has_drawn_its_sample_counted_and_found() -> None:
    audit = AuditYear.objects.get(year=LOAD_DAY.year - 1)

    assert audit.expenses.exists() and audit.fixed_costs.exists()
    assert audit.counts.get().difference
    assert audit.findings.get().follow_up


@pytest.mark.parametrize(
    ("who", "page"),
    [
        ("kascommissie", "accountability:index"),
        ("gemeente", "accountability:portal"),
        ("bestuur", "accountability:overview"),
    ],
)
def test_the_pages_are_filled(who: str, page: str) -> None:
    response = login(who).get(reverse(page), {"jaar": LOAD_DAY.year - 1})

    assert response.status_code == 200
