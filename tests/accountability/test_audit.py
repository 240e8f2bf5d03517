"""The audit committee's workspace: a sample the platform draws once, cash
counts against the books, findings with their follow-up, and their report,
which the financial report carries."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from buurtwerkkamer.accountability import audit as committee
from buurtwerkkamer.accountability.figures import room_figures
from buurtwerkkamer.accountability.models import AuditYear
from buurtwerkkamer.finance.constants import TransferStatus
from tests.factories import ExpenseFactory, FixedCostFactory, TransferFactory
from tests.personas import World

YEAR = 2025
TODAY = date(2026, 3, 1)


@override_settings(BWK_AUDIT_SAMPLE_SIZE=3)
def test_the_sample_is_drawn_once_from_the_years_books(world: World) -> None:
    this_year = [
        ExpenseFactory(room=world.room, spent_on=date(YEAR, month, 5))
        for month in range(1, 6)
    ]
    ExpenseFactory(room=world.room, spent_on=date(YEAR - 1, 6, 5))
    cost = FixedCostFactory(room=world.room, month=date(YEAR, 2, 1))
    audit = committee.audit_of(YEAR)

    committee.draw_sample(audit, world.users["audit_committee"])

    sampled = set(audit.expenses.all())
    assert len(sampled) == 3
    assert sampled <= set(this_year)
    assert list(audit.fixed_costs.all()) == [cost]
    with pytest.raises(ValidationError):
        committee.draw_sample(audit, world.users["audit_committee"])
    assert set(audit.expenses.all()) == sampled


def test_a_year_with_nothing_booked_has_no_sample(world: World) -> None:
    audit = committee.audit_of(YEAR)

    with pytest.raises(ValidationError):
        committee.draw_sample(audit, world.users["audit_committee"])

    audit.refresh_from_db()
    assert audit.sampled_at is None


def test_a_count_is_set_against_the_books_of_that_day(world: World) -> None:
    TransferFactory(
        room=world.room,
        month=date(YEAR, 3, 1),
        amount=Decimal("250.00"),
        status=TransferStatus.EXPORTED,
    )
    ExpenseFactory(room=world.room, spent_on=date(YEAR, 3, 10), amount=Decimal("40.10"))
    ExpenseFactory(room=world.room, spent_on=date(YEAR, 3, 20), amount=Decimal("9.90"))
    audit = committee.audit_of(YEAR)

    count = committee.record_count(
        audit,
        world.room,
        date(YEAR, 3, 15),
        Decimal("205.00"),
        world.users["audit_committee"],
        today=TODAY,
    )

    assert count.booked == Decimal("209.90")
    assert count.difference == Decimal("-4.90")


def test_a_count_in_the_future_or_below_zero_is_refused(world: World) -> None:
    audit = committee.audit_of(YEAR)
    user = world.users["audit_committee"]

    with pytest.raises(ValidationError):
        committee.record_count(
            audit, world.room, date(2026, 3, 2), Decimal(1), user, today=TODAY
        )
    with pytest.raises(ValidationError):
        committee.record_count(
            audit, world.room, date(YEAR, 3, 2), Decimal(-1), user, today=TODAY
        )

    assert not audit.counts.exists()


def test_findings_and_the_advice_go_into_the_financial_report(world: World) -> None:
    audit = committee.audit_of(YEAR)
    user = world.users["audit_committee"]
    about_room = committee.add_finding(
        audit, "Bon van 12 mei ontbreekt.", user, world.room
    )
    committee.add_finding(audit, "Elders: kas klopt niet.", user, world.other_room)
    committee.follow_up(about_room, "Bon nagestuurd.", date(2026, 2, 1), today=TODAY)
    committee.save_advice(audit, "Wij adviseren de ALV het bestuur te dechargeren.")

    figures = room_figures(world.room, YEAR, TODAY)

    assert figures["audit"]["advice"].startswith("Wij adviseren")
    assert figures["audit"]["findings"] == [
        {
            "room": world.room.name,
            "finding": "Bon van 12 mei ontbreekt.",
            "follow_up": "Bon nagestuurd.",
            "resolved_on": "2026-02-01",
        }
    ]


def test_the_board_reads_the_workspace_and_only_the_committee_works_in_it(
    client, world: World
) -> None:
    ExpenseFactory(room=world.room, spent_on=date(YEAR, 4, 1))
    page = reverse("accountability:audit", kwargs={"year": YEAR})
    sample = reverse("accountability:audit_sample", kwargs={"year": YEAR})

    client.force_login(world.users["board"])
    read = client.get(page)
    refused = client.post(sample)
    client.force_login(world.users["team_coordinator"])
    outsider = client.get(page)
    client.force_login(world.users["audit_committee"])
    drawn = client.post(sample)

    assert read.status_code == 200
    assert refused.status_code == 403
    assert outsider.status_code == 403
    assert drawn.status_code == 302
    assert AuditYear.objects.get(year=YEAR).expenses.count() == 1
