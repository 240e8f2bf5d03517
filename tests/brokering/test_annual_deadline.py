"""The deadline rule: the overview of rooms without a signed annual agreement
for next year, the deadlines on dashboards and in the reminder mail, and the
reporting dates of funding applications."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from buurtwerkkamer.accounts.reminders import send_deadline_reminders
from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.deadlines import annual_agreements, reporting_dates
from buurtwerkkamer.brokering.queries import deadline
from buurtwerkkamer.rooms.constants import Stage
from tests.factories import RoomFactory
from tests.personas import World

from .factories import AnnualAgreementFactory, PartnershipFactory, ReportingDateFactory

TODAY = datetime.date(2026, 11, 20)


def test_the_deadline_is_1_december_of_the_year_before() -> None:
    assert deadline(2027) == datetime.date(2026, 12, 1)


@override_settings(BWK_ANNUAL_AGREEMENT_DEADLINE=(11, 15))
def test_the_deadline_is_a_cooperative_setting() -> None:
    assert deadline(2027) == datetime.date(2026, 11, 15)


def overview(client, world: World, role: str, year: int | None = None):
    client.force_login(world.users[role])
    query = {"jaar": year} if year else {}
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12), tick=False):
        return client.get(reverse("brokering:annual_overview"), query)


def test_the_overview_lists_operational_rooms_without_a_signed_agreement(
    client, world: World
) -> None:
    AnnualAgreementFactory(room=world.other_room, year=2027, signed=True)
    RoomFactory(stage=Stage.EXPLORING)
    response = overview(client, world, "board")
    assert [room.slug for room in response.context["rooms"]] == ["thuis"]
    assert response.context["days_left"] == 11


def test_the_overview_names_the_agreement_in_the_works(client, world: World) -> None:
    draft = AnnualAgreementFactory(room=world.room, year=2027)
    response = overview(client, world, "board")
    [room] = [room for room in response.context["rooms"] if room.slug == "thuis"]
    assert (room.agreement_uuid, room.agreement_status) == (draft.uuid, "draft")


def test_after_the_deadline_the_days_left_are_negative(client, world: World) -> None:
    response = overview(client, world, "board", year=2026)
    assert response.context["days_left"] == -354


def test_a_coach_sees_only_their_own_rooms_on_the_overview(
    client, world: World
) -> None:
    response = overview(client, world, "project_coach")
    assert [room.slug for room in response.context["rooms"]] == ["thuis"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("treasurer", 200),
        ("audit_committee", 200),
        ("team_coordinator", 403),
        ("volunteer", 403),
        ("partner", 403),
    ],
)
def test_the_overview_is_for_the_board_coaches_and_finance_readers(
    client, world: World, role: str, status: int
) -> None:
    assert overview(client, world, role).status_code == status


def in_cycle(world: World) -> None:
    """The home room works with annual agreements: it had one this year."""
    AnnualAgreementFactory(room=world.room, year=2026, signed=True)


def test_a_room_in_the_annual_cycle_has_next_years_deadline_for_its_coordinator(
    world: World,
) -> None:
    in_cycle(world)
    [found] = annual_agreements(world.users["team_coordinator"], TODAY)
    assert (found.due, found.room) == (datetime.date(2026, 12, 1), world.room.name)


def test_a_partnership_puts_a_room_in_the_annual_cycle(world: World) -> None:
    PartnershipFactory(room=world.room)
    dues = [item.due for item in annual_agreements(world.users["board"], TODAY)]
    assert dues == [datetime.date(2025, 12, 1), datetime.date(2026, 12, 1)]


def test_a_signed_agreement_for_next_year_takes_the_deadline_away(
    world: World,
) -> None:
    in_cycle(world)
    AnnualAgreementFactory(room=world.room, year=2027, signed=True)
    assert annual_agreements(world.users["project_coach"], TODAY) == []


@pytest.mark.parametrize("role", ["volunteer", "partner", "treasurer"])
def test_the_deadline_is_not_for_those_who_do_not_chase_it(
    world: World, role: str
) -> None:
    in_cycle(world)
    assert annual_agreements(world.users[role], TODAY) == []


def test_a_reminder_goes_out_ahead_of_the_deadline(world: World) -> None:
    in_cycle(world)
    sent = send_deadline_reminders.call(day="2026-11-20")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert sent == 3
    assert recipients == [
        "board@example.nl",
        "project_coach@example.nl",
        "team_coordinator@example.nl",
    ]
    assert "1 december 2026" in mail.outbox[0].body


def test_no_reminder_goes_out_long_before_the_deadline(world: World) -> None:
    in_cycle(world)
    assert send_deadline_reminders.call(day="2026-09-01") == 0


def test_a_reporting_date_is_a_deadline_until_it_is_done(world: World) -> None:
    reporting = ReportingDateFactory(application__room=world.room)
    user = world.users["team_coordinator"]
    [found] = reporting_dates(user, TODAY)
    assert (found.due, found.room) == (reporting.due_on, world.room.name)
    services.mark_reported(reporting, done_on=TODAY, today=TODAY)
    assert reporting_dates(user, TODAY) == []


def test_a_reporting_date_is_not_for_another_rooms_coordinator(world: World) -> None:
    ReportingDateFactory(application__room=world.other_room)
    assert reporting_dates(world.users["team_coordinator"], TODAY) == []


def test_a_report_cannot_fall_due_before_the_funded_period(world: World) -> None:
    reporting = ReportingDateFactory(application__room=world.room)
    application = reporting.application
    with pytest.raises(services.ValidationError):
        services.add_reporting_date(
            application, due_on=datetime.date(2026, 1, 1), subject="Vooraf"
        )
    assert application.reporting_dates.count() == 1


def test_a_report_sent_in_the_future_is_refused(world: World) -> None:
    reporting = ReportingDateFactory(application__room=world.room)
    with pytest.raises(services.ValidationError):
        services.mark_reported(
            reporting, done_on=TODAY + datetime.timedelta(days=1), today=TODAY
        )
    reporting.refresh_from_db()
    assert reporting.done_on is None
