"""The placements API: candidates, placements and signals are case files for the
room's coordinator and coach and the board only, each read logged; a candidate
goes from referral to placement contract through the services, and what they
refuse is a 400 that changes nothing."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.employer.models import Contract
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.placements.constants import CandidateStatus, Outcome
from buurtwerkkamer.placements.models import (
    Candidate,
    Placement,
    Signal,
    SignalContact,
)

from ..factories import ContactPersonFactory, OrganisationFactory
from ..personas import ROLES, World
from ..placements.factories import (
    AgencyFactory,
    CandidateFactory,
    PlacementFactory,
    PlacementVacancyFactory,
    SignalFactory,
)
from .conftest import ApiFor

CASE_READERS = {"board", "project_coach", "team_coordinator"}
DAY = datetime.timedelta(days=1)


def case_file(basename: str, world: World) -> object:
    if basename == "candidate":
        return CandidateFactory(room=world.room)
    if basename == "placement":
        return PlacementFactory(candidate__room=world.room)
    return SignalFactory(placement__candidate__room=world.room)


def url(name: str, record: object = None) -> str:
    if record is None:
        return reverse(f"api:{name}")
    return reverse(f"api:{name}", kwargs={"uuid": record.uuid})  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("basename", ["candidate", "placement", "signal"])
def test_case_files_are_listed_and_read_by_their_readers_only(
    role: str, basename: str, world: World, api_for: ApiFor
) -> None:
    record = case_file(basename, world)
    client = api_for(role)

    listed = client.get(url(f"{basename}-list")).json()["results"]
    detail = client.get(url(f"{basename}-detail", record))

    assert (str(record.uuid) in {row["uuid"] for row in listed}) is (  # type: ignore[attr-defined]
        role in CASE_READERS
    )
    assert detail.status_code == (200 if role in CASE_READERS else 404)


def test_the_coordinator_of_another_room_gets_404(
    world: World, api_for: ApiFor, elders_coordinator: str
) -> None:
    placement = PlacementFactory(candidate__room=world.room)

    response = api_for(elders_coordinator).get(url("placement-detail", placement))

    assert response.status_code == 404


def test_reading_a_signal_through_the_api_is_logged_with_its_reader(
    world: World, api_for: ApiFor
) -> None:
    signal = SignalFactory(placement__candidate__room=world.room)

    api_for("team_coordinator").get(url("signal-detail", signal))

    reads = LogEntry.objects.get_for_object(signal).filter(
        action=LogEntry.Action.ACCESS
    )
    assert list(reads.values_list("actor_id", flat=True)) == [
        world.users["team_coordinator"].pk
    ]


def test_vacancies_are_listed_for_the_rooms_case_file_readers(
    world: World, api_for: ApiFor
) -> None:
    vacancy = PlacementVacancyFactory(room=world.room)

    seen = {
        role: str(vacancy.uuid)
        in {
            row["uuid"]
            for row in api_for(role).get(url("placementvacancy-list")).json()["results"]
        }
        for role in ("board", "team_coordinator", "partner", "treasurer", "volunteer")
    }

    assert seen == {
        "board": True,
        "team_coordinator": True,
        "partner": False,
        "treasurer": False,
        "volunteer": False,
    }


def test_a_candidate_goes_from_referral_to_placement_contract(
    world: World, api_for: ApiFor
) -> None:
    today = timezone.localdate()
    agency = AgencyFactory()
    contact = ContactPersonFactory(organisation=agency)
    vacancy = PlacementVacancyFactory(room=world.room, opened_on=today - 90 * DAY)
    client = api_for("team_coordinator")

    created = client.post(
        url("candidate-list"),
        {
            "room": "thuis",
            "first_name": "Dewi",
            "last_name": "Sastro",
            "registered_on": (today - 30 * DAY).isoformat(),
            "referred_by": agency.slug,
            "referral_contact": str(contact.uuid),
            "vacancy": str(vacancy.uuid),
        },
    )
    assert created.status_code == 201, created.json()
    candidate = Candidate.objects.get(uuid=created.json()["uuid"])
    client.post(
        url("candidate-intake", candidate),
        {"intake_on": (today - 20 * DAY).isoformat(), "notes": "Wil ritme."},
    )
    client.post(
        url("candidate-interview", candidate),
        {
            "held_on": (today - 10 * DAY).isoformat(),
            "notes": "Gemotiveerd.",
            "decision": CandidateStatus.ACCEPTED,
        },
    )
    placed = client.post(
        url("candidate-place", candidate),
        {
            "kind": vacancy.kind,
            "starts_on": today.isoformat(),
            "ends_on": (today + 180 * DAY).isoformat(),
            "hours_per_week": "16.0",
            "first_evaluation_on": (today + 60 * DAY).isoformat(),
        },
    )

    assert placed.status_code == 201, placed.json()
    placement = Placement.objects.get(uuid=placed.json()["uuid"])
    assert placement.candidate == candidate
    assert placement.contract.person == candidate.person
    assert placement.contract.kind == vacancy.kind
    assert [row["due_on"] for row in placed.json()["evaluations"]] == [
        (today + 60 * DAY).isoformat()
    ]
    assert client.get(url("candidate-detail", candidate)).json()["status"] == (
        CandidateStatus.PLACED
    )


def test_a_placement_ends_in_paid_work_and_ends_its_contract_early(
    world: World, api_for: ApiFor
) -> None:
    today = timezone.localdate()
    placement = PlacementFactory(
        candidate__room=world.room,
        started_on=today - 100 * DAY,
        contract__starts_on=today - 100 * DAY,
        contract__ends_on=today + 100 * DAY,
    )

    response = api_for("project_coach").post(
        url("placement-end", placement),
        {"ended_on": today.isoformat(), "outcome": Outcome.PAID_WORK},
    )

    assert response.status_code == 200, response.json()
    assert response.json()["outcome"] == Outcome.PAID_WORK
    assert response.json()["contract_ends_on"] == today.isoformat()


def test_placing_a_candidate_not_accepted_is_refused_and_makes_no_contract(
    world: World, api_for: ApiFor
) -> None:
    candidate = CandidateFactory(room=world.room, interviewed=True)
    contracts = Contract.objects.count()

    response = api_for("team_coordinator").post(
        url("candidate-place", candidate),
        {
            "kind": "participation",
            "starts_on": timezone.localdate().isoformat(),
            "hours_per_week": "12.0",
        },
    )

    assert response.status_code == 400
    assert list(response.json()) == ["non_field_errors"]
    assert Contract.objects.count() == contracts
    assert not Placement.objects.filter(candidate=candidate).exists()


def test_a_referral_by_an_organisation_that_is_no_benefits_agency_is_refused(
    world: World, api_for: ApiFor
) -> None:
    fund = OrganisationFactory()
    people = Person.objects.count()

    response = api_for("team_coordinator").post(
        url("candidate-list"),
        {
            "room": "thuis",
            "first_name": "Marco",
            "last_name": "Huisman",
            "registered_on": timezone.localdate().isoformat(),
            "referred_by": fund.slug,
        },
    )

    assert response.status_code == 400
    assert "referred_by" in response.json()
    assert Person.objects.count() == people


def test_an_intake_in_the_future_is_refused_and_not_recorded(
    world: World, api_for: ApiFor
) -> None:
    candidate = CandidateFactory(room=world.room)
    tomorrow = timezone.localdate() + DAY

    response = api_for("team_coordinator").post(
        url("candidate-intake", candidate), {"intake_on": tomorrow.isoformat()}
    )

    assert response.status_code == 400
    assert "intake_on" in response.json()
    candidate.refresh_from_db()
    assert candidate.intake_on is None


@pytest.mark.parametrize("role", ["treasurer", "volunteer", "partner"])
def test_those_who_see_the_room_but_not_its_case_files_cannot_register(
    role: str, world: World, api_for: ApiFor
) -> None:
    response = api_for(role).post(
        url("candidate-list"),
        {
            "room": "thuis",
            "first_name": "Latifa",
            "last_name": "Ezzahri",
            "registered_on": timezone.localdate().isoformat(),
        },
    )

    assert response.status_code == 403
    assert not Candidate.objects.exists()


def test_a_signal_is_raised_discussed_with_the_agency_and_resolved(
    world: World, api_for: ApiFor
) -> None:
    today = timezone.localdate()
    placement = PlacementFactory(
        candidate__room=world.room,
        started_on=today - 60 * DAY,
        contract__starts_on=today - 60 * DAY,
        contract__ends_on=today + 300 * DAY,
    )
    agency_contact = ContactPersonFactory(organisation=placement.candidate.referred_by)
    client = api_for("team_coordinator")

    raised = client.post(
        url("placement-signal", placement),
        {
            "raised_on": (today - 10 * DAY).isoformat(),
            "description": "Komt te laat.",
            "seriousness": "medium",
            "follow_up_on": today.isoformat(),
        },
    )
    assert raised.status_code == 201, raised.json()
    signal = Signal.objects.get(uuid=raised.json()["uuid"])
    client.post(
        url("signal-contact", signal),
        {
            "contacted_on": (today - 5 * DAY).isoformat(),
            "contact": str(agency_contact.uuid),
            "summary": "Klantmanager ingelicht.",
        },
    )
    resolved = client.post(
        url("signal-resolve", signal),
        {"resolved_on": today.isoformat(), "resolution": "Belafspraak."},
    )

    assert resolved.status_code == 200
    body = resolved.json()
    assert body["resolved_on"] == today.isoformat()
    assert [row["contact"] for row in body["contacts"]] == [str(agency_contact.uuid)]


def test_a_contact_of_another_organisation_is_refused_and_not_recorded(
    world: World, api_for: ApiFor
) -> None:
    signal = SignalFactory(placement__candidate__room=world.room)
    stranger = ContactPersonFactory(organisation=AgencyFactory())

    response = api_for("team_coordinator").post(
        url("signal-contact", signal),
        {
            "contacted_on": signal.raised_on.isoformat(),
            "contact": str(stranger.uuid),
            "summary": "Gebeld.",
        },
    )

    assert response.status_code == 400
    assert "contact" in response.json()
    assert not SignalContact.objects.filter(signal=signal).exists()


def test_a_resolved_signal_takes_no_more_contacts(
    world: World, api_for: ApiFor
) -> None:
    signal = SignalFactory(placement__candidate__room=world.room, resolved=True)
    contact = ContactPersonFactory(organisation=signal.placement.candidate.referred_by)

    response = api_for("board").post(
        url("signal-contact", signal),
        {
            "contacted_on": signal.raised_on.isoformat(),
            "contact": str(contact.uuid),
            "summary": "Nagebeld.",
        },
    )

    assert response.status_code == 400
    assert not SignalContact.objects.filter(signal=signal).exists()
