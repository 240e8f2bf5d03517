import datetime
from decimal import Decimal

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.rooms.constants import Stage
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    FundingApplicationFactory,
    RoomFactory,
)
from tests.personas import World

NOW = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_a_funding_decision_falls_due_for_the_coach_not_the_volunteer(
    client, world: World
) -> None:
    FundingApplicationFactory(room=world.room, submitted=True, title="Fonds Buurt")
    client.force_login(world.users["project_coach"])
    titles = [d.title for d in client.get("/").context["deadlines"]]
    assert any("Fonds Buurt" in title for title in titles)
    client.force_login(world.users["volunteer"])
    assert client.get("/").context["deadlines"] == []


def test_a_partner_user_is_asked_to_sign_for_their_organisation(
    client, world: World
) -> None:
    agreement = AgreementFactory(room=world.room, status=AgreementStatus.NEGOTIATING)
    AgreementPartyFactory(agreement=agreement, organisation=world.partner_organisation)
    client.force_login(world.users["partner"])
    inbox = client.get("/").context["inbox"]
    assert [item.url for item in inbox] == [agreement.get_absolute_url()]


def test_a_room_ready_for_its_next_gate_waits_for_the_coach(
    client, world: World
) -> None:
    world.room.stage = Stage.EXPLORING
    world.room.save()
    AgreementFactory(room=world.room, status=AgreementStatus.SIGNED)
    client.force_login(world.users["project_coach"])
    assert len(client.get("/").context["inbox"]) == 1
    client.force_login(world.users["team_coordinator"])
    assert client.get("/").context["inbox"] == []


def board_dashboard_queries(client, world: World, rooms: int) -> int:
    for room in RoomFactory.create_batch(rooms, exploring=True):
        FundingApplicationFactory(room=room, submitted=True)
    client.force_login(world.users["board"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_takes_the_same_queries_whatever_the_data(
    client, world: World
) -> None:
    few = board_dashboard_queries(client, world, 2)
    many = board_dashboard_queries(client, world, 20)
    assert few == many


@time_machine.travel(NOW, tick=False)
def test_the_private_calendar_lists_the_users_deadlines(client, world: World) -> None:
    FundingApplicationFactory(room=world.room, submitted=True, title="Fonds Buurt")
    coach = world.users["project_coach"]
    response = client.get(f"/account/agenda/{coach.calendar_token}.ics")
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [
        datetime.date(2026, 12, 15)
    ]


def test_an_unknown_calendar_token_finds_nothing(client, db: None) -> None:
    response = client.get("/account/agenda/00000000-0000-0000-0000-000000000000.ics")
    assert response.status_code == 404


def panel(response, template: str):
    return next(p for p in response.context["panels"] if p.template == template)


def test_the_board_sees_the_start_up_rooms_and_which_is_ready(
    client, world: World
) -> None:
    world.room.stage = Stage.EXPLORING
    world.room.save()
    AgreementFactory(room=world.room, status=AgreementStatus.SIGNED)
    client.force_login(world.users["board"])
    rooms = panel(client.get("/"), "startup/panel_start_up.html").context["rooms"]
    assert [(room.name, room.next_gate_ready) for room in rooms] == [
        ("Kamer Thuis", True)
    ]


def test_the_audit_committee_sees_the_funding_totals(client, world: World) -> None:
    FundingApplicationFactory(room=world.room, submitted=True)
    FundingApplicationFactory(room=world.other_room, granted=True)
    FundingApplicationFactory(
        room=world.room, granted=True, amount_granted=Decimal("1234.56")
    )
    client.force_login(world.users["audit_committee"])
    totals = panel(client.get("/"), "brokering/panel_funding.html").context
    assert (totals["pending"], totals["requested"], totals["granted"]) == (
        1,
        Decimal("25000.00"),
        Decimal("26234.56"),
    )


def test_a_volunteer_sees_no_finance_and_no_start_up_panel(
    client, world: World
) -> None:
    client.force_login(world.users["volunteer"])
    templates = {p.template for p in client.get("/").context["panels"]}
    # A volunteer records sessions and joins trainings in their rooms.
    assert templates == {
        "rooms/panel_rooms.html",
        "access/panel_roles.html",
        "activities/panel_record.html",
        "development/panel_trainings.html",
    }
