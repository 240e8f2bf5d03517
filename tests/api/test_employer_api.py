"""The employer API: contracts seen as on the pages (a colleague's pay hidden, a
placement's contract a case file), extensions that keep the history, the
board's recruitment, and volunteers' records under the tax-free limits; what
the services refuse is a 400 that changes nothing."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.employer.constants import ContractKind, Decision
from buurtwerkkamer.employer.models import (
    Applicant,
    ConductCertificate,
    Contract,
    VolunteerAllowance,
)
from buurtwerkkamer.people.models import Person

from ..employer.factories import (
    ApplicantFactory,
    ContractFactory,
    InterviewFactory,
    StaffVacancyFactory,
    VolunteerAllowanceFactory,
)
from ..factories import PersonFactory
from ..personas import ROLES, World
from .conftest import ApiFor

DAY = datetime.timedelta(days=1)
# Who sees which contract of the home room (DESIGN.md section 2).
STAFF_READERS = {"board", "treasurer", "project_coach", "team_coordinator"}
PLACEMENT_READERS = {"board", "project_coach", "team_coordinator"}


def url(name: str, record: object = None) -> str:
    if record is None:
        return reverse(f"api:{name}")
    return reverse(f"api:{name}", kwargs={"uuid": record.uuid})  # type: ignore[attr-defined]


def listed(api_for: ApiFor, role: str, name: str) -> set[str]:
    response = api_for(role).get(url(f"{name}-list"))
    assert response.status_code == 200
    return {row["uuid"] for row in response.json()["results"]}


@pytest.mark.parametrize("role", ROLES)
def test_contracts_are_listed_as_the_pages_show_them(
    role: str, world: World, api_for: ApiFor
) -> None:
    staff = ContractFactory(rooms=[world.room])
    placement = ContractFactory(participation=True, rooms=[world.room])

    uuids = listed(api_for, role, "contract")

    assert (str(staff.uuid) in uuids) is (role in STAFF_READERS)
    assert (str(placement.uuid) in uuids) is (role in PLACEMENT_READERS)


def test_a_colleagues_pay_is_left_out_for_the_room_staff(
    world: World, api_for: ApiFor
) -> None:
    contract = ContractFactory(rooms=[world.room])

    for_coach = api_for("project_coach").get(url("contract-detail", contract)).json()
    for_board = api_for("board").get(url("contract-detail", contract)).json()

    assert "pay" not in for_coach
    assert for_board["pay"] == "3200.00"


def test_reading_a_placement_contract_is_logged_with_its_reader(
    world: World, api_for: ApiFor
) -> None:
    contract = ContractFactory(participation=True, rooms=[world.room])

    api_for("team_coordinator").get(url("contract-detail", contract))

    reads = LogEntry.objects.get_for_object(contract).filter(
        action=LogEntry.Action.ACCESS
    )
    assert list(reads.values_list("actor_id", flat=True)) == [
        world.users["team_coordinator"].pk
    ]


def test_the_board_makes_a_contract_and_the_coordinator_may_not(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room])
    body = {
        "person": str(person.uuid),
        "kind": ContractKind.FREELANCE,
        "position": "project_coach",
        "rooms": ["thuis"],
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "hours_per_week": "8.0",
        "pay": "60.00",
        "pay_basis": "hour",
    }

    refused = api_for("team_coordinator").post(url("contract-list"), body)
    made = api_for("board").post(url("contract-list"), body)

    assert refused.status_code == 403
    assert made.status_code == 201, made.json()
    contract = Contract.objects.get(uuid=made.json()["uuid"])
    assert (contract.person, contract.pay) == (person, Decimal("60.00"))
    assert made.json()["rooms"] == ["thuis"]


def test_pay_for_a_participation_placement_is_refused_and_nothing_made(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room])

    response = api_for("board").post(
        url("contract-list"),
        {
            "person": str(person.uuid),
            "kind": ContractKind.PARTICIPATION,
            "rooms": ["thuis"],
            "starts_on": "2026-01-01",
            "ends_on": "2026-06-30",
            "hours_per_week": "12.0",
            "pay": "500.00",
            "pay_basis": "month",
        },
    )

    assert response.status_code == 400
    assert "pay" in response.json()
    assert not Contract.objects.filter(person=person).exists()


def test_an_extension_is_a_new_contract_and_the_old_one_stays(
    world: World, api_for: ApiFor
) -> None:
    contract = ContractFactory(rooms=[world.room])
    client = api_for("board")

    extended = client.post(url("contract-extend", contract), {"ends_on": "2027-06-30"})
    again = client.post(url("contract-extend", contract), {"ends_on": "2027-12-31"})

    assert extended.status_code == 201, extended.json()
    assert extended.json()["previous"] == str(contract.uuid)
    assert extended.json()["starts_on"] == "2027-01-01"
    contract.refresh_from_db()
    assert contract.ends_on == datetime.date(2026, 12, 31)
    assert again.status_code == 400
    assert Contract.objects.filter(previous=contract).count() == 1


def test_an_evaluation_is_planned_and_recorded_once(
    world: World, api_for: ApiFor
) -> None:
    today = timezone.localdate()
    contract = ContractFactory(
        participation=True,
        rooms=[world.room],
        starts_on=today - 100 * DAY,
        ends_on=today + 100 * DAY,
    )
    client = api_for("team_coordinator")

    planned = client.post(
        url("contract-evaluate", contract), {"due_on": today.isoformat()}
    )
    evaluation = contract.evaluations.get()
    held = {"held_on": today.isoformat(), "notes": "Gaat goed."}
    recorded = client.post(url("contractevaluation-record", evaluation), held)
    twice = client.post(url("contractevaluation-record", evaluation), held)

    assert planned.status_code == 201
    assert recorded.json()["held_on"] == today.isoformat()
    assert twice.status_code == 400


@pytest.mark.parametrize("role", ROLES)
def test_recruitment_is_the_boards_alone(
    role: str, world: World, api_for: ApiFor
) -> None:
    vacancy = StaffVacancyFactory(room=world.room)

    detail = api_for(role).get(url("staffvacancy-detail", vacancy))

    assert detail.status_code == (200 if role == "board" else 404)


def test_an_applicant_is_interviewed_and_hired_with_a_contract(
    world: World, api_for: ApiFor
) -> None:
    today = timezone.localdate()
    vacancy = StaffVacancyFactory(room=world.room, opened_on=today - 30 * DAY)
    client = api_for("board")

    added = client.post(
        url("staffvacancy-apply", vacancy),
        {"name": "Noor de Wit", "email": "noor@example.nl"},
    )
    applicant = Applicant.objects.get(vacancy=vacancy)
    client.post(
        url("applicant-interview", applicant),
        {"held_on": today.isoformat(), "notes": "Sterk verhaal."},
    )
    hired = client.post(
        url("applicant-hire", applicant),
        {
            "first_name": "Noor",
            "last_name": "de Wit",
            "kind": ContractKind.EMPLOYMENT,
            "position": "team_coordinator",
            "rooms": ["thuis"],
            "starts_on": (today + 30 * DAY).isoformat(),
            "ends_on": (today + 395 * DAY).isoformat(),
            "hours_per_week": "24.0",
            "pay": "3100.00",
            "pay_basis": "month",
        },
    )

    assert added.status_code == 201
    assert hired.status_code == 200, hired.json()
    applicant.refresh_from_db()
    assert applicant.decision == Decision.HIRED
    assert applicant.contract is not None
    assert applicant.contract.person.email == "noor@example.nl"
    assert hired.json()["contract"] == str(applicant.contract.uuid)


def test_hiring_without_an_interview_is_refused_and_makes_no_person(
    world: World, api_for: ApiFor
) -> None:
    applicant = ApplicantFactory(vacancy__room=world.room)
    people = Person.objects.count()

    response = api_for("board").post(
        url("applicant-hire", applicant),
        {
            "first_name": "Sam",
            "last_name": "Visser",
            "kind": ContractKind.EMPLOYMENT,
            "position": "other",
            "rooms": ["thuis"],
            "starts_on": "2026-01-01",
            "hours_per_week": "20.0",
            "pay": "2500.00",
            "pay_basis": "month",
        },
    )

    assert response.status_code == 400
    assert Person.objects.count() == people
    applicant.refresh_from_db()
    assert applicant.decision == Decision.PENDING


def test_an_applicant_rejected_cannot_be_interviewed_again(
    world: World, api_for: ApiFor
) -> None:
    applicant = InterviewFactory(applicant__vacancy__room=world.room).applicant
    client = api_for("board")

    rejected = client.post(url("applicant-reject", applicant))
    later = client.post(
        url("applicant-interview", applicant),
        {"held_on": timezone.localdate().isoformat(), "notes": "Nog eens."},
    )

    assert rejected.json()["decision"] == Decision.REJECTED
    assert later.status_code == 400
    assert applicant.interviews.count() == 1


def test_a_certificate_of_conduct_is_recorded_by_the_coordinator(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room])

    response = api_for("team_coordinator").post(
        url("conductcertificate-list"),
        {
            "room": "thuis",
            "person": str(person.uuid),
            "issued_on": timezone.localdate().isoformat(),
            "result": "issued",
        },
    )

    assert response.status_code == 201, response.json()
    assert ConductCertificate.objects.get(person=person).room == world.room


def test_a_task_that_needs_a_certificate_is_refused_without_one(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room])

    response = api_for("team_coordinator").post(
        url("volunteertask-list"),
        {
            "room": "thuis",
            "person": str(person.uuid),
            "task": "Huiswerkbegeleiding",
            "needs_certificate": True,
            "starts_on": timezone.localdate().isoformat(),
        },
    )

    assert response.status_code == 400
    assert "needs_certificate" in response.json()
    assert not person.volunteer_tasks.exists()


def test_an_allowance_past_the_monthly_limit_over_all_rooms_is_refused(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room, world.other_room])
    month = datetime.date(2026, 3, 1)
    VolunteerAllowanceFactory(
        person=person, room=world.other_room, month=month, amount=Decimal("180.00")
    )

    response = api_for("team_coordinator").post(
        url("volunteerallowance-list"),
        {
            "room": "thuis",
            "person": str(person.uuid),
            "month": month.isoformat(),
            "amount": "50.00",
        },
    )

    assert response.status_code == 400
    assert "amount" in response.json()
    assert VolunteerAllowance.objects.filter(person=person).count() == 1


def test_the_treasurer_pays_an_allowance_and_a_volunteer_may_not(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room])
    body = {
        "room": "thuis",
        "person": str(person.uuid),
        "month": "2026-04-01",
        "amount": "40.00",
    }

    by_volunteer = api_for("volunteer").post(url("volunteerallowance-list"), body)
    by_treasurer = api_for("treasurer").post(url("volunteerallowance-list"), body)

    assert by_volunteer.status_code == 403
    assert by_treasurer.status_code == 201, by_treasurer.json()
    assert VolunteerAllowance.objects.filter(person=person).count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_volunteer_records_are_listed_for_the_room_staff_and_the_cooperative(
    role: str, world: World, api_for: ApiFor
) -> None:
    allowance = VolunteerAllowanceFactory(
        person=PersonFactory(rooms=[world.room]), room=world.room
    )

    uuids = listed(api_for, role, "volunteerallowance")

    readers = {"board", "treasurer", "project_coach", "team_coordinator"}
    assert (str(allowance.uuid) in uuids) is (role in readers)
