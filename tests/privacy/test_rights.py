"""A person's rights and retention: their data exported in one file, erased where
the law allows (never while something of theirs runs, the name kept where the
books need it), and the daily retention that erases what is past its period;
the rows stay, so the counts of reports do not change."""

import datetime
import io
import json

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.mediation.models import Exclusion, MediationCase
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.people.privacy import ANONYMISED
from buurtwerkkamer.privacy.services import apply_retention
from tests.employer.factories import ContractFactory
from tests.factories import PASSWORD, PersonFactory
from tests.mediation.factories import ExclusionFactory, MediationCaseFactory
from tests.personas import World

TODAY = datetime.date(2026, 12, 4)


def days(count: int) -> datetime.timedelta:
    return datetime.timedelta(days=count)


@pytest.fixture
def person(world: World) -> Person:
    return PersonFactory(
        rooms=[world.room],
        first_name="Fatima",
        last_name="El Amrani",
        email="fatima@example.nl",
        phone="0612345678",
    )


def closed_case(
    world: World, person: Person, closed_on: datetime.date
) -> MediationCase:
    return MediationCaseFactory(
        room=world.room,
        parties=[person, PersonFactory(rooms=[world.room])],
        opened_on=closed_on - days(30),
        closed_on=closed_on,
        outcome="agreement",
        outcome_notes="Afgesproken: samen het rooster maken.",
        opened_by=world.users["team_coordinator"],
    )


def ended_exclusion(world: World, person: Person, ends_on: datetime.date) -> Exclusion:
    return ExclusionFactory(
        room=world.room,
        person=person,
        starts_on=ends_on - days(13),
        ends_on=ends_on,
        decided_by=world.users["team_coordinator"],
    )


def erase(client, person: Person, password: str = PASSWORD):
    return client.post(
        reverse("privacy:erase", kwargs={"person": person.uuid}),
        {"password": password},
    )


def test_the_export_holds_every_record_about_the_person_and_is_logged(
    client, world: World, person: Person
) -> None:
    closed_case(world, person, TODAY - days(10))
    ended_exclusion(world, person, TODAY - days(20))
    client.force_login(world.users["board"])

    response = client.get(reverse("privacy:export", kwargs={"person": person.uuid}))

    data = json.loads(response.content)["data"]
    assert response["Content-Disposition"].startswith("attachment")
    assert data["person"]["email"] == "fatima@example.nl"
    assert data["person"]["rooms"] == [str(world.room)]
    assert len(data["mediation.MediationCase"]) == 1
    assert data["mediation.Exclusion"][0]["reason"] == "Herhaaldelijk agressief gedrag."
    exported = LogEntry.objects.get_for_object(person).filter(
        action=LogEntry.Action.ACCESS
    )
    assert [entry.actor for entry in exported] == [world.users["board"]]


@pytest.mark.parametrize("role", ["team_coordinator", "project_coach", "treasurer"])
def test_only_the_board_exports_or_erases(
    client, world: World, person: Person, role: str
) -> None:
    client.force_login(world.users[role])

    exported = client.get(reverse("privacy:export", kwargs={"person": person.uuid}))
    erased = erase(client, person)

    assert exported.status_code == 403
    assert erased.status_code == 403
    person.refresh_from_db()
    assert person.email == "fatima@example.nl"


def test_erasure_asks_for_the_password_again(
    client, world: World, person: Person
) -> None:
    client.force_login(world.users["board"])

    response = erase(client, person, password="niet-het-wachtwoord")

    assert response.context["form"].errors["password"]
    person.refresh_from_db()
    assert person.first_name == "Fatima"


def test_erasure_is_refused_while_an_exclusion_of_theirs_runs(
    client, world: World, person: Person
) -> None:
    today = timezone.localdate()
    exclusion = ended_exclusion(world, person, today + days(3))
    client.force_login(world.users["board"])

    response = erase(client, person)

    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    person.refresh_from_db()
    exclusion.refresh_from_db()
    assert person.email == "fatima@example.nl"
    assert exclusion.reason == "Herhaaldelijk agressief gedrag."


def test_erasure_empties_what_is_personal_and_keeps_the_rows_and_counts(
    client, world: World, person: Person
) -> None:
    today = timezone.localdate()
    case = closed_case(world, person, today - days(10))
    exclusion = ended_exclusion(world, person, today - days(20))
    person.email = "nieuw@example.nl"
    person.save()  # the audit trail now holds both addresses
    client.force_login(world.users["board"])

    response = erase(client, person)

    assert response.status_code == 302
    person.refresh_from_db()
    case.refresh_from_db()
    exclusion.refresh_from_db()
    assert (person.first_name, person.last_name) == (ANONYMISED, ANONYMISED)
    assert (person.email, person.phone) == ("", "")
    assert case.outcome_notes == ""
    assert case.outcome == "agreement"
    assert exclusion.reason == ANONYMISED
    assert exclusion.ends_on == today - days(20)
    assert case.parties.count() == 2
    trail = " ".join(
        f"{entry.changes} {entry.object_repr}"
        for entry in LogEntry.objects.get_for_object(person)
    )
    assert "fatima@example.nl" not in trail
    assert "El Amrani" not in trail


def test_the_name_stays_on_a_contract_the_books_still_need(
    client, world: World, person: Person
) -> None:
    today = timezone.localdate()
    ContractFactory(
        person=person,
        starts_on=today - days(400),
        ends_on=today - days(30),
    )
    client.force_login(world.users["board"])

    response = erase(client, person, PASSWORD)

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Fatima", "El Amrani")
    assert (person.email, person.phone) == ("", "")


def test_retention_erases_records_past_their_period_and_keeps_the_rest(
    world: World, person: Person
) -> None:
    other = PersonFactory(rooms=[world.room])
    old = ended_exclusion(world, person, TODAY - days(400))
    recent = ended_exclusion(world, other, TODAY - days(30))
    running = ended_exclusion(world, other, TODAY + days(5))

    done = apply_retention(TODAY)

    old.refresh_from_db()
    recent.refresh_from_db()
    running.refresh_from_db()
    assert done["exclusion"] == 1
    assert old.reason == ANONYMISED
    assert old.person_id == person.pk
    assert recent.reason == running.reason == "Herhaaldelijk agressief gedrag."
    assert apply_retention(TODAY)["exclusion"] == 0


def test_retention_anonymises_people_with_nothing_left(
    world: World, person: Person
) -> None:
    Person.objects.filter(pk=person.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=800)
    )
    busy = PersonFactory(rooms=[world.room], email="bezig@example.nl")
    Person.objects.filter(pk=busy.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=800)
    )
    ended_exclusion(world, busy, timezone.localdate() - days(30))

    apply_retention(timezone.localdate())

    person.refresh_from_db()
    busy.refresh_from_db()
    assert person.first_name == ANONYMISED
    assert person.email == ""
    assert busy.email == "bezig@example.nl"


def test_the_daily_command_runs_the_retention_task(
    world: World, person: Person
) -> None:
    old = ended_exclusion(world, person, TODAY - days(400))

    call_command("apply_retention", day=TODAY.isoformat(), stdout=io.StringIO())

    old.refresh_from_db()
    assert old.reason == ANONYMISED
