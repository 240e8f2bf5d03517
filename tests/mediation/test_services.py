"""The mediation services and the participation check: what they save, and what
they refuse without changing anything."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils.formats import date_format
from django.utils.translation import gettext

from buurtwerkkamer.activities import services as activities
from buurtwerkkamer.activities.models import Session
from buurtwerkkamer.core.registry import participation_refusal
from buurtwerkkamer.mediation import services
from buurtwerkkamer.mediation.constants import Outcome
from buurtwerkkamer.mediation.models import Exclusion, MediationCase
from buurtwerkkamer.people.models import Person
from tests.activities.factories import ActivityFactory
from tests.factories import PersonFactory
from tests.personas import World

from .factories import ExclusionFactory, MediationCaseFactory, MediationSessionFactory

TODAY = datetime.date(2026, 12, 3)
DAY = datetime.timedelta(days=1)


def refused_fields(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(error.value.message_dict)


def people(world: World, count: int = 2) -> list[Person]:
    return [PersonFactory(rooms=[world.room]) for _ in range(count)]


def new_case(world: World, parties: list[Person], **values: object) -> MediationCase:
    case = MediationCase(
        room=world.room,
        title="Geluidsoverlast",
        opened_on=values.pop("opened_on", TODAY),
        what_happened="Onenigheid over muziek.",
        opened_by=world.users["team_coordinator"],
    )
    return services.save_case(case, parties, today=TODAY)


# Cases.


def test_a_case_is_opened_between_people_of_the_room(world: World) -> None:
    parties = people(world)

    case = new_case(world, parties)

    assert set(case.parties.all()) == set(parties)
    assert not case.is_closed


@pytest.mark.parametrize("count", [0, 1])
def test_a_case_needs_two_parties(world: World, count: int) -> None:
    with pytest.raises(ValidationError) as error:
        new_case(world, people(world, count))
    assert refused_fields(error) == {"parties"}
    assert not MediationCase.objects.exists()


def test_a_party_from_elsewhere_is_refused(world: World) -> None:
    stranger = PersonFactory(rooms=[world.other_room])
    with pytest.raises(ValidationError) as error:
        new_case(world, [*people(world, 1), stranger])
    assert refused_fields(error) == {"parties"}
    assert not MediationCase.objects.exists()


def test_a_case_opened_in_the_future_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        new_case(world, people(world), opened_on=TODAY + DAY)
    assert refused_fields(error) == {"opened_on"}
    assert not MediationCase.objects.exists()


# Sessions.


def session(case: MediationCase, world: World, **values: object) -> object:
    fields = {
        "held_on": TODAY,
        "present": list(case.parties.all()),
        "others_present": "Teamcoördinator",
        "agreed": "Muziek zachter na acht uur.",
        "user": world.users["team_coordinator"],
        "today": TODAY,
        **values,
    }
    return services.record_session(case, **fields)  # type: ignore[arg-type]


def test_a_session_records_who_was_there_and_what_was_agreed(world: World) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)

    recorded = session(case, world)

    assert set(recorded.present.all()) == set(case.parties.all())  # type: ignore[attr-defined]
    assert recorded.agreed == "Muziek zachter na acht uur."  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"held_on": TODAY + DAY}, "held_on"),
        ({"held_on": TODAY - 5 * DAY}, "held_on"),
        ({"agreed": "  "}, "agreed"),
    ],
)
def test_a_session_out_of_time_or_without_agreement_is_refused(
    world: World, values: dict, field: str
) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)
    with pytest.raises(ValidationError) as error:
        session(case, world, **values)
    assert refused_fields(error) == {field}
    assert not case.sessions.exists()


def test_someone_present_who_is_no_party_is_refused(world: World) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)
    with pytest.raises(ValidationError) as error:
        session(case, world, present=people(world, 1))
    assert refused_fields(error) == {"present"}
    assert not case.sessions.exists()


def test_a_closed_case_takes_no_sessions(world: World) -> None:
    case = MediationCaseFactory(
        room=world.room,
        opened_on=TODAY - DAY,
        closed_on=TODAY,
        outcome=Outcome.AGREEMENT,
    )
    with pytest.raises(ValidationError):
        session(case, world)
    assert not case.sessions.exists()


# Closing.


def close(case: MediationCase, **values: object) -> MediationCase:
    fields = {
        "outcome": Outcome.AGREEMENT,
        "outcome_notes": "Iedereen blijft.",
        "closed_on": TODAY,
        "today": TODAY,
        **values,
    }
    return services.close_case(case, **fields)  # type: ignore[arg-type]


def test_a_case_closes_with_its_outcome(world: World) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)

    close(case)

    case.refresh_from_db()
    assert (case.outcome, case.closed_on) == (Outcome.AGREEMENT, TODAY)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"closed_on": TODAY + DAY}, "closed_on"),
        ({"closed_on": TODAY - 2 * DAY}, "closed_on"),
        ({"outcome": "gone"}, "outcome"),
        ({"outcome": Outcome.EXCLUSION}, "outcome"),
    ],
)
def test_closing_out_of_time_or_with_an_exclusion_not_decided_is_refused(
    world: World, values: dict, field: str
) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)
    with pytest.raises(ValidationError) as error:
        close(case, **values)
    assert refused_fields(error) == {field}
    case.refresh_from_db()
    assert case.closed_on is None


def test_closing_before_the_last_session_is_refused(world: World) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - 5 * DAY)
    MediationSessionFactory(case=case, held_on=TODAY)
    with pytest.raises(ValidationError) as error:
        close(case, closed_on=TODAY - DAY)
    assert refused_fields(error) == {"closed_on"}


def test_a_case_is_closed_once(world: World) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)
    close(case)
    with pytest.raises(ValidationError):
        close(case, outcome=Outcome.OTHER)
    case.refresh_from_db()
    assert case.outcome == Outcome.AGREEMENT


# Exclusions.


def exclude(world: World, person: Person, **values: object) -> Exclusion:
    exclusion = Exclusion(
        room=world.room,
        person=person,
        starts_on=values.pop("starts_on", TODAY),
        ends_on=values.pop("ends_on", TODAY + 13 * DAY),
        reason="Bedreigde een vrijwilliger.",
        decided_by=world.users["team_coordinator"],
        case=values.pop("case", None),
    )
    return services.decide_exclusion(exclusion, today=TODAY)


def test_an_exclusion_from_a_case_lets_the_case_close_with_that_outcome(
    world: World,
) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)
    person = case.parties.first()

    exclude(world, person, case=case)
    close(case, outcome=Outcome.EXCLUSION)

    case.refresh_from_db()
    assert case.outcome == Outcome.EXCLUSION
    assert case.exclusions.get().person == person


def test_an_exclusion_that_ends_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        exclude(world, people(world, 1)[0], ends_on=TODAY - DAY)
    assert refused_fields(error) == {"ends_on"}
    assert not Exclusion.objects.exists()


@override_settings(BWK_MAX_EXCLUSION_DAYS=30)
def test_an_exclusion_longer_than_the_setting_is_refused(world: World) -> None:
    person = people(world, 1)[0]

    exclude(world, person, ends_on=TODAY + 29 * DAY)
    with pytest.raises(ValidationError) as error:
        exclude(world, person, starts_on=TODAY + 40 * DAY, ends_on=TODAY + 70 * DAY)

    assert refused_fields(error) == {"ends_on"}
    assert Exclusion.objects.count() == 1


def test_an_overlapping_exclusion_is_refused(world: World) -> None:
    person = people(world, 1)[0]
    exclude(world, person)
    with pytest.raises(ValidationError) as error:
        exclude(world, person, starts_on=TODAY + 5 * DAY, ends_on=TODAY + 20 * DAY)
    assert refused_fields(error) == {"starts_on"}
    assert Exclusion.objects.count() == 1


def test_an_exclusion_of_someone_from_elsewhere_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        exclude(world, PersonFactory(rooms=[world.other_room]))
    assert refused_fields(error) == {"person"}
    assert not Exclusion.objects.exists()


def test_an_exclusion_from_a_case_is_of_one_of_its_parties(world: World) -> None:
    case = MediationCaseFactory(room=world.room, opened_on=TODAY - DAY)
    with pytest.raises(ValidationError) as error:
        exclude(world, people(world, 1)[0], case=case)
    assert refused_fields(error) == {"person"}
    assert not Exclusion.objects.exists()


def test_an_exclusion_ends_early_but_not_in_the_past(world: World) -> None:
    exclusion = ExclusionFactory(
        room=world.room, starts_on=TODAY - 5 * DAY, ends_on=TODAY + 10 * DAY
    )

    with pytest.raises(ValidationError):
        services.end_early(exclusion, ends_on=TODAY - 3 * DAY, today=TODAY)
    services.end_early(exclusion, ends_on=TODAY, today=TODAY)

    exclusion.refresh_from_db()
    assert exclusion.ends_on == TODAY


# The participation check.


def test_an_excluded_person_is_refused_with_name_and_last_day(world: World) -> None:
    exclusion = ExclusionFactory(
        room=world.room, starts_on=TODAY - DAY, ends_on=TODAY + 6 * DAY
    )

    refusal = participation_refusal(exclusion.person, world.room.pk, TODAY)

    assert refusal == gettext(
        "%(name)s is temporarily excluded from this room until %(date)s."
    ) % {"name": exclusion.person, "date": date_format(exclusion.ends_on, "j F Y")}


def test_outside_the_period_or_the_room_the_person_takes_part(world: World) -> None:
    exclusion = ExclusionFactory(room=world.room, starts_on=TODAY, ends_on=TODAY)
    person = exclusion.person
    person.rooms.add(world.other_room)

    assert participation_refusal(person, world.room.pk, TODAY + DAY) is None
    assert participation_refusal(person, world.room.pk, TODAY - DAY) is None
    assert participation_refusal(person, world.other_room.pk, TODAY) is None


def test_activities_refuse_to_record_an_excluded_volunteer(world: World) -> None:
    activity = ActivityFactory(room=world.room, active_from=TODAY - 30 * DAY)
    exclusion = ExclusionFactory(room=world.room, starts_on=TODAY, ends_on=TODAY)

    with pytest.raises(ValidationError) as error:
        activities.record_session(
            activity,
            world.users["volunteer"],
            held_on=TODAY,
            visitors=3,
            volunteers={exclusion.person: Decimal("2.00")},
            today=TODAY,
        )

    assert refused_fields(error) == {"volunteers"}
    assert not Session.objects.exists()
