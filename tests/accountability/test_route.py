"""The route of an annual report from draft to publication: each step in order,
by its role, kept with who and when; the audit committee reviews with at least
two members who are not on the board; approval keeps the figures, freezes the
year in finance and stores the PDF with its SHA-256; whatever is refused
changes nothing."""

import hashlib
import io
from datetime import date
from decimal import Decimal

import pypdfium2
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accountability import route
from buurtwerkkamer.accountability.constants import ReportStatus, StepKind
from buurtwerkkamer.accountability.models import AnnualReport
from buurtwerkkamer.accountability.render import format_number, render_html
from buurtwerkkamer.finance.models import FrozenYear
from tests.factories import GrantFactory, UserFactory
from tests.personas import World

YEAR = 2025
TODAY = date(2026, 3, 1)


def statement() -> SimpleUploadedFile:
    data = HTML(string="<p>Goedkeurende verklaring</p>").write_pdf()
    return SimpleUploadedFile("verklaring.pdf", data, content_type="application/pdf")


@pytest.fixture
def committee(world: World) -> list:
    second = UserFactory(name="Tweede lid kascommissie")
    GrantFactory(user=second, role=Role.AUDIT_COMMITTEE)
    return [world.users["audit_committee"], second]


@pytest.fixture
def report(world: World) -> AnnualReport:
    return route.open_report(YEAR, world.room)[0]


def reviewed(world: World, report: AnnualReport, committee: list) -> AnnualReport:
    route.submit(report, world.users["project_coach"])
    return route.review(report, committee[0], committee, passed=True)


def approved(world: World, report: AnnualReport, committee: list) -> AnnualReport:
    reviewed(world, report, committee)
    return route.approve(report, world.users["accountant"], statement(), today=TODAY)


def test_a_report_goes_from_draft_to_published_and_keeps_each_step(
    world: World, report: AnnualReport, committee: list
) -> None:
    route.save_texts(report, {"activities": "Een goed jaar in de kookclub."})

    approved(world, report, committee)
    route.publish(report, world.users["board"])

    report.refresh_from_db()
    steps = list(report.steps.all())
    assert report.status == ReportStatus.PUBLISHED
    assert [step.kind for step in steps] == [
        StepKind.SUBMITTED,
        StepKind.PASSED,
        StepKind.APPROVED,
        StepKind.PUBLISHED,
    ]
    assert [step.by for step in steps] == [
        world.users["project_coach"],
        committee[0],
        world.users["accountant"],
        world.users["board"],
    ]
    assert set(steps[1].reviewers.all()) == set(committee)
    assert report.texts == {"activities": "Een goed jaar in de kookclub."}


def test_approval_keeps_the_figures_freezes_the_year_and_stores_the_pdf(
    world: World, report: AnnualReport, committee: list
) -> None:
    approved(world, report, committee)

    report.refresh_from_db()
    stored = report.pdf.file.open("rb").read()
    assert FrozenYear.objects.filter(room=world.room, year=YEAR).exists()
    assert report.figures["year"] == YEAR
    assert report.figures["finance"]["months"][0]["month"] == "2025-01-01"
    assert report.pdf.sha256 == hashlib.sha256(stored).hexdigest()
    assert stored.startswith(b"%PDF")
    assert report.statement.kind == "report"


def test_rendering_an_approved_report_again_gives_the_same_figures(
    world: World, report: AnnualReport, committee: list
) -> None:
    approved(world, report, committee)
    report.refresh_from_db()
    first = render_html(report)

    # The data changes afterwards: the report does not.
    route.open_report(YEAR, world.other_room)
    report.refresh_from_db()

    assert render_html(report) == first


def test_the_pdf_has_a_cover_contents_and_chapters_that_are_not_empty(
    world: World, report: AnnualReport, committee: list
) -> None:
    approved(world, report, committee)
    report.refresh_from_db()

    pdf = pypdfium2.PdfDocument(io.BytesIO(report.pdf.file.open("rb").read()))
    cover = " ".join(pdf[0].get_textpage().get_text_range().split())
    finance = pdf[len(pdf) - 1].get_textpage().get_text_range()
    image = pdf[0].render(scale=0.5).to_pil().convert("L")

    assert len(pdf) >= 7
    assert str(YEAR) in cover and world.room.name in cover
    assert "EUR" in finance
    assert min(image.getdata()) < 100  # ink on the page, not a blank sheet


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("review", ReportStatus.DRAFT),
        ("approve", ReportStatus.SUBMITTED),
        ("publish", ReportStatus.REVIEWED),
        ("submit", ReportStatus.SUBMITTED),
    ],
)
def test_a_step_out_of_order_is_refused_and_changes_nothing(
    world: World, report: AnnualReport, committee: list, step: str, status: str
) -> None:
    AnnualReport.objects.filter(pk=report.pk).update(status=status)
    report.refresh_from_db()
    steps = {
        "submit": lambda: route.submit(report, world.users["board"]),
        "review": lambda: route.review(report, committee[0], committee, passed=True),
        "approve": lambda: route.approve(
            report, world.users["accountant"], statement(), today=TODAY
        ),
        "publish": lambda: route.publish(report, world.users["board"]),
    }

    with pytest.raises(ValidationError):
        steps[step]()

    report.refresh_from_db()
    assert report.status == status
    assert not report.steps.exists()


def test_a_second_approval_is_refused(
    world: World, report: AnnualReport, committee: list
) -> None:
    approved(world, report, committee)

    with pytest.raises(ValidationError):
        route.approve(report, world.users["accountant"], statement(), today=TODAY)

    assert report.steps.filter(kind=StepKind.APPROVED).count() == 1


def test_a_review_by_one_member_or_with_a_board_member_is_refused(
    world: World, report: AnnualReport, committee: list
) -> None:
    route.submit(report, world.users["project_coach"])
    on_board = UserFactory()
    GrantFactory(user=on_board, role=Role.AUDIT_COMMITTEE)
    GrantFactory(user=on_board, role=Role.BOARD)

    with pytest.raises(ValidationError):
        route.review(report, committee[0], committee[:1], passed=True)
    with pytest.raises(ValidationError):
        route.review(report, committee[0], [committee[0], on_board], passed=True)
    with pytest.raises(ValidationError):
        route.review(report, world.users["board"], committee, passed=True)

    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_the_committee_sends_a_report_back_with_its_remarks(
    world: World, report: AnnualReport, committee: list
) -> None:
    route.submit(report, world.users["project_coach"])

    with pytest.raises(ValidationError):
        route.review(report, committee[0], committee, passed=False)
    route.review(
        report, committee[1], committee, passed=False, remarks="Bonnen van mei missen."
    )

    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.steps.last().remarks == "Bonnen van mei missen."


def test_texts_are_written_only_in_a_draft(world: World, report: AnnualReport) -> None:
    route.submit(report, world.users["project_coach"])

    with pytest.raises(ValidationError):
        route.save_texts(report, {"activities": "Later nog iets."})

    report.refresh_from_db()
    assert report.texts == {}


def test_a_report_is_approved_only_after_its_year(
    world: World, committee: list
) -> None:
    report = route.open_report(2026, world.room)[0]
    reviewed(world, report, committee)

    with pytest.raises(ValidationError):
        route.approve(report, world.users["accountant"], statement(), today=TODAY)

    report.refresh_from_db()
    assert report.status == ReportStatus.REVIEWED
    assert report.figures is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [("12.00", "12"), ("12.50", "12,5"), ("1234.75", "1.234,75"), (None, "—")],
)
def test_numbers_read_the_dutch_way(value: str | None, shown: str) -> None:
    assert format_number(Decimal(value) if value else None) == shown
