"""Each step of a report is due by a day of the following year, on the
dashboard of whoever takes it, and late after that."""

from datetime import date

from buurtwerkkamer.accountability.constants import ReportStatus
from buurtwerkkamer.accountability.deadlines import report_steps
from buurtwerkkamer.core.registry import deadlines_for
from tests.personas import World

from .factories import AnnualReportFactory

TODAY = date(2026, 4, 15)


def test_each_step_is_due_for_whoever_takes_it(world: World) -> None:
    draft = AnnualReportFactory(room=world.room)
    submitted = AnnualReportFactory(
        room=world.other_room, status=ReportStatus.SUBMITTED
    )

    coach = report_steps(world.users["project_coach"], TODAY)
    committee = report_steps(world.users["audit_committee"], TODAY)
    accountant = report_steps(world.users["accountant"], TODAY)

    assert [(d.url, d.due) for d in coach] == [
        (draft.get_absolute_url(), date(2026, 3, 1))
    ]
    assert [(d.url, d.due) for d in committee] == [
        (submitted.get_absolute_url(), date(2026, 4, 1))
    ]
    assert accountant == []


def test_a_late_step_shows_as_late_and_a_published_report_not_at_all(
    world: World,
) -> None:
    AnnualReportFactory(room=world.room, status=ReportStatus.APPROVED)
    AnnualReportFactory(room=world.room, year=2024, status=ReportStatus.PUBLISHED)

    found = [
        d for d in deadlines_for(world.users["board"], TODAY) if d.kind == "report"
    ]

    assert len(found) == 1
    assert found[0].due == date(2026, 6, 1)
    assert found[0].days_left(date(2026, 6, 2)) < 0
