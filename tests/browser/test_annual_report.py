"""Annual reports in the browser: a room's report goes its whole route from draft
to publication by four people, each step shown on the report page and kept in
its history; and a partner reads only the published reports of their own room.
Every page is axe-checked."""

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from weasyprint import HTML

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accountability import route
from buurtwerkkamer.accountability.constants import (
    MIN_REVIEWERS,
    ReportStatus,
    StepKind,
)
from buurtwerkkamer.accountability.models import AnnualReport
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.rooms.models import Room
from tests.factories import GrantFactory, UserFactory
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def last_year() -> int:
    return timezone.localdate().year - 1


def url(name: str, report: AnnualReport) -> str:
    return reverse(f"accountability:{name}", kwargs={"report": report.uuid})


def signed_in(visitor: MakeVisitor, user: User) -> Visitor:
    person = visitor()
    person.sign_in(user)
    return person


def second_member() -> User:
    member = UserFactory(name="Tweede lid kascommissie")
    GrantFactory(user=member, role=Role.AUDIT_COMMITTEE)
    return member


def title(report: AnnualReport) -> str:
    """The report's name as the pages show it."""
    with translation.override("nl"):
        return str(report)


def status(person: Visitor) -> str:
    return person.main(".bwk-badge").inner_text().strip()


def history(person: Visitor) -> list[str]:
    """The history of the report page, each entry up to its first ' · '."""
    entries = person.main("ol.bwk-timeline li").all_inner_texts()
    return [entry.split(" · ")[0] for entry in entries]


def step(person: Visitor, name: str, report: AnnualReport) -> None:
    """From the report page to the step's form."""
    person.open(report.get_absolute_url())
    person.follow(url(name, report))


def download(person: Visitor, report: AnnualReport) -> bytes:
    """Click the report page's PDF link; what the browser saved."""
    with person.page.expect_download() as saved:
        person.main(f'a[href="{url("pdf", report)}"]').click()
    return Path(saved.value.path()).read_bytes()


def test_a_report_goes_from_draft_to_publication_through_four_people(
    visitor: MakeVisitor, world: World, tmp_path: Path
) -> None:
    report = route.open_report(last_year(), world.room)[0]
    member = world.users["audit_committee"]
    second = second_member()
    statement = tmp_path / "verklaring.pdf"
    statement.write_bytes(HTML(string="<p>Goedkeurende verklaring</p>").write_pdf())

    coach = signed_in(visitor, world.users["project_coach"])
    coach.open(f"{reverse('accountability:index')}?jaar={last_year()}")
    coach.follow(report.get_absolute_url())
    assert status(coach) == dutch(ReportStatus.DRAFT.label)
    assert history(coach) == [dutch("Made")]
    coach.follow(url("texts", report))
    coach.main("[name=activities]").fill("Elke dinsdag de buurtkeuken, vol.")
    coach.submit()
    coach.follow(url("submit", report))
    coach.submit()
    assert coach.page.url == coach.base_url + report.get_absolute_url()
    assert status(coach) == dutch(ReportStatus.SUBMITTED.label)
    assert history(coach) == [dutch("Made"), dutch(StepKind.SUBMITTED.label)]

    reviewer = signed_in(visitor, member)
    step(reviewer, "review", report)
    reviewer.main(f'[name=reviewers][value="{member.pk}"]').check()
    reviewer.main('[name=passed][value="1"]').check()
    alone = reviewer.submit()
    assert alone.status == 400
    refusal = reviewer.main(".bwk-message--error").inner_text().strip()
    assert refusal == dutch(
        "A review needs at least %(count)d members of the audit committee "
        "who are not on the board.",
        count=MIN_REVIEWERS,
    )
    report.refresh_from_db()
    assert (report.status, report.steps.count()) == (ReportStatus.SUBMITTED, 1)
    reviewer.main(f'[name=reviewers][value="{second.pk}"]').check()
    reviewer.submit()
    assert status(reviewer) == dutch(ReportStatus.REVIEWED.label)
    assert history(reviewer)[-1] == dutch(StepKind.PASSED.label)
    assert len(history(reviewer)) == 3

    accountant = signed_in(visitor, world.users["accountant"])
    step(accountant, "approve", report)
    accountant.main("[name=statement]").set_input_files(statement)
    accountant.submit()
    assert status(accountant) == dutch(ReportStatus.APPROVED.label)
    assert history(accountant)[-1] == dutch(StepKind.APPROVED.label)
    assert len(history(accountant)) == 4

    board = signed_in(visitor, world.users["board"])
    step(board, "publish", report)
    board.submit()
    assert status(board) == dutch(ReportStatus.PUBLISHED.label)
    assert history(board) == [
        dutch("Made"),
        dutch(StepKind.SUBMITTED.label),
        dutch(StepKind.PASSED.label),
        dutch(StepKind.APPROVED.label),
        dutch(StepKind.PUBLISHED.label),
    ]
    downloaded = download(board, report)

    report.refresh_from_db()
    steps = list(report.steps.all())
    assert report.status == ReportStatus.PUBLISHED
    assert report.texts == {"activities": "Elke dinsdag de buurtkeuken, vol."}
    assert [(each.kind, each.by) for each in steps] == [
        (StepKind.SUBMITTED, world.users["project_coach"]),
        (StepKind.PASSED, member),
        (StepKind.APPROVED, world.users["accountant"]),
        (StepKind.PUBLISHED, world.users["board"]),
    ]
    assert set(steps[1].reviewers.all()) == {member, second}
    assert report.statement is not None
    assert report.statement.sha256 == hashlib.sha256(statement.read_bytes()).hexdigest()
    assert report.pdf is not None
    assert report.pdf.content_type == "application/pdf"
    assert downloaded.startswith(b"%PDF-")
    assert hashlib.sha256(downloaded).hexdigest() == report.pdf.sha256


def published(world: World, room: Room, committee: list[User]) -> AnnualReport:
    """A report taken through its whole route in setup, as test 1 does by hand."""
    report = route.open_report(last_year(), room)[0]
    statement = SimpleUploadedFile(
        "verklaring.pdf",
        HTML(string="<p>Goedkeurende verklaring</p>").write_pdf(),
        content_type="application/pdf",
    )
    route.submit(report, world.users["board"])
    route.review(report, committee[0], committee, passed=True)
    route.approve(report, world.users["accountant"], statement)
    route.publish(report, world.users["board"])
    report.refresh_from_db()
    return report


def test_a_partner_reads_the_published_report_of_their_room_and_nothing_else(
    visitor: MakeVisitor, world: World
) -> None:
    committee = [world.users["audit_committee"], second_member()]
    theirs = published(world, world.room, committee)
    elsewhere = published(world, world.other_room, committee)
    draft = route.open_report(last_year() - 1, world.room)[0]

    partner = signed_in(visitor, world.users["partner"])
    partner.open(f"{reverse('accountability:index')}?jaar={last_year()}")
    assert partner.main("tbody a").all_inner_texts() == [title(theirs)]
    partner.follow(theirs.get_absolute_url())
    assert partner.main("h1").inner_text() == title(theirs)
    assert status(partner) == dutch(ReportStatus.PUBLISHED.label)
    downloaded = download(partner, theirs)
    assert theirs.pdf is not None
    assert downloaded.startswith(b"%PDF-")
    assert hashlib.sha256(downloaded).hexdigest() == theirs.pdf.sha256

    for report in (draft, elsewhere):
        assert partner.open(report.get_absolute_url()).status == 404
        assert partner.open(url("pdf", report)).status == 404
