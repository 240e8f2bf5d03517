"""The teamwork services: what they save, and what they refuse without changing
anything."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from buurtwerkkamer.core.registry import deadlines_for
from buurtwerkkamer.teamwork import services
from buurtwerkkamer.teamwork.models import (
    Breach,
    GoalNote,
    HouseRules,
    PartnerContact,
    WorkAgreement,
    YearlyGoal,
)
from tests.factories import OrganisationFactory, PersonFactory
from tests.personas import World

from .factories import (
    PartnerContactFactory,
    WorkAgreementFactory,
    YearlyGoalFactory,
)

TODAY = datetime.date(2026, 12, 3)
DAY = datetime.timedelta(days=1)


def refused_fields(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(error.value.message_dict)


def rules(
    world: World, effective_from: datetime.date, text: str = "Regels"
) -> HouseRules:
    version = HouseRules(
        room=world.room,
        text=text,
        effective_from=effective_from,
        written_by=world.users["team_coordinator"],
    )
    return services.save_house_rules(version, today=TODAY)


# House rules.


def test_versions_are_numbered_in_order_and_the_latest_in_effect_applies(
    world: World,
) -> None:
    first = rules(world, TODAY - 300 * DAY, "Eerste")
    second = rules(world, TODAY + 10 * DAY, "Tweede")

    assert (first.number, second.number) == (1, 2)
    assert services.rules_in_effect(world.room, TODAY) == first
    assert services.rules_in_effect(world.room, TODAY + 10 * DAY) == second


def test_a_version_in_effect_never_changes(world: World) -> None:
    first = rules(world, TODAY - 10 * DAY, "Eerste")
    first.text = "Anders"

    with pytest.raises(ValidationError):
        services.save_house_rules(first, today=TODAY)

    first.refresh_from_db()
    assert first.text == "Eerste"


def test_a_version_still_to_come_can_be_changed(world: World) -> None:
    coming = rules(world, TODAY + 5 * DAY, "Concept")
    coming.text = "Definitief"

    services.save_house_rules(coming, today=TODAY)

    coming.refresh_from_db()
    assert coming.text == "Definitief"


def test_a_new_version_cannot_take_effect_before_the_last_one(world: World) -> None:
    rules(world, TODAY + 20 * DAY)

    with pytest.raises(ValidationError) as error:
        rules(world, TODAY + 10 * DAY)

    assert refused_fields(error) == {"effective_from"}
    assert HouseRules.objects.count() == 1


def test_a_later_version_cannot_take_effect_in_the_past(world: World) -> None:
    rules(world, TODAY - 100 * DAY)

    with pytest.raises(ValidationError) as error:
        rules(world, TODAY - DAY)

    assert refused_fields(error) == {"effective_from"}
    assert HouseRules.objects.count() == 1


# Breaches.


def breach(world: World, **values: object) -> Breach:
    fields = {
        "room": world.room,
        "person": PersonFactory(rooms=[world.room]),
        "occurred_on": TODAY,
        "what": "Rookte binnen.",
        "recorded_by": world.users["team_coordinator"],
        **values,
    }
    return services.save_breach(Breach(**fields), today=TODAY)


def test_a_breach_records_the_version_in_effect_that_day(world: World) -> None:
    first = rules(world, TODAY - 100 * DAY)
    rules(world, TODAY + DAY)

    recorded = breach(world, occurred_on=TODAY - DAY)

    assert recorded.rules == first


def test_a_breach_in_the_future_is_refused(world: World) -> None:
    rules(world, TODAY - 100 * DAY)
    with pytest.raises(ValidationError) as error:
        breach(world, occurred_on=TODAY + DAY)
    assert refused_fields(error) == {"occurred_on"}
    assert not Breach.objects.exists()


def test_a_breach_by_someone_from_elsewhere_is_refused(world: World) -> None:
    rules(world, TODAY - 100 * DAY)
    with pytest.raises(ValidationError) as error:
        breach(world, person=PersonFactory(rooms=[world.other_room]))
    assert refused_fields(error) == {"person"}
    assert not Breach.objects.exists()


def test_a_breach_before_the_room_had_house_rules_is_refused(world: World) -> None:
    rules(world, TODAY - 10 * DAY)
    with pytest.raises(ValidationError) as error:
        breach(world, occurred_on=TODAY - 20 * DAY)
    assert refused_fields(error) == {"occurred_on"}
    assert not Breach.objects.exists()


# Work agreements.


def agreement(world: World, **values: object) -> WorkAgreement:
    fields = {
        "room": world.room,
        "person": PersonFactory(rooms=[world.room]),
        "agreed_on": TODAY,
        "subject": "Baliedienst",
        "agreed": "Elke dinsdag.",
        "recorded_by": world.users["team_coordinator"],
        **values,
    }
    return services.save_work_agreement(WorkAgreement(**fields), today=TODAY)


def test_an_agreement_in_the_future_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        agreement(world, agreed_on=TODAY + DAY)
    assert refused_fields(error) == {"agreed_on"}
    assert not WorkAgreement.objects.exists()


def test_a_follow_up_before_the_agreement_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        agreement(world, follow_up_on=TODAY - DAY)
    assert refused_fields(error) == {"follow_up_on"}
    assert not WorkAgreement.objects.exists()


def test_an_agreement_with_someone_from_elsewhere_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        agreement(world, person=PersonFactory(rooms=[world.other_room]))
    assert refused_fields(error) == {"person"}
    assert not WorkAgreement.objects.exists()


def test_an_open_follow_up_is_a_deadline_for_the_rooms_staff_only(
    world: World,
) -> None:
    open_one = agreement(world, subject="Inwerken", follow_up_on=TODAY + 7 * DAY)

    coordinator = deadlines_for(world.users["team_coordinator"], TODAY)
    volunteer = deadlines_for(world.users["volunteer"], TODAY)

    urls = [item.url for item in coordinator]
    assert open_one.get_absolute_url() in urls
    assert open_one.get_absolute_url() not in [item.url for item in volunteer]


def test_a_follow_up_is_recorded_once(world: World) -> None:
    record = WorkAgreementFactory(
        room=world.room, agreed_on=TODAY - 10 * DAY, follow_up_on=TODAY
    )

    services.follow_up(record, done_on=TODAY, today=TODAY)
    with pytest.raises(ValidationError):
        services.follow_up(record, done_on=TODAY, today=TODAY)

    record.refresh_from_db()
    assert record.followed_up_on == TODAY
    urls = [d.url for d in deadlines_for(world.users["team_coordinator"], TODAY)]
    assert record.get_absolute_url() not in urls


def test_a_follow_up_before_the_record_or_in_the_future_is_refused(
    world: World,
) -> None:
    record = WorkAgreementFactory(room=world.room, agreed_on=TODAY - DAY)

    for day in (TODAY - 2 * DAY, TODAY + DAY):
        with pytest.raises(ValidationError) as error:
            services.follow_up(record, done_on=day, today=TODAY)
        assert refused_fields(error) == {"done_on"}

    record.refresh_from_db()
    assert record.followed_up_on is None


# Yearly goals.


def test_a_goal_for_a_year_beyond_the_next_is_refused(world: World) -> None:
    goal = YearlyGoal(
        room=world.room,
        year=TODAY.year + 2,
        goal="Meer bezoekers",
        measure="Telling",
        set_by=world.users["project_coach"],
    )
    with pytest.raises(ValidationError) as error:
        services.save_goal(goal, today=TODAY)
    assert refused_fields(error) == {"year"}
    assert not YearlyGoal.objects.exists()


def test_progress_is_noted_on_a_goal(world: World) -> None:
    goal = YearlyGoalFactory(room=world.room, year=TODAY.year)

    note = services.add_goal_note(
        goal,
        note=" Twintig bezoekers per week. ",
        written_on=TODAY,
        user=world.users["project_coach"],
        today=TODAY,
    )

    assert (note.note, note.written_by) == (
        "Twintig bezoekers per week.",
        world.users["project_coach"],
    )


NEXT_YEAR = datetime.date(TODAY.year + 1, 1, 5)


@pytest.mark.parametrize(
    ("note", "written_on", "today", "field"),
    [
        ("", TODAY, TODAY, "note"),
        ("Goed", TODAY + DAY, TODAY, "written_on"),
        ("Goed", NEXT_YEAR, NEXT_YEAR, "written_on"),
    ],
)
def test_a_note_that_is_empty_or_out_of_time_is_refused(
    world: World,
    note: str,
    written_on: datetime.date,
    today: datetime.date,
    field: str,
) -> None:
    goal = YearlyGoalFactory(room=world.room, year=TODAY.year)
    with pytest.raises(ValidationError) as error:
        services.add_goal_note(
            goal,
            note=note,
            written_on=written_on,
            user=world.users["project_coach"],
            today=today,
        )
    assert refused_fields(error) == {field}
    assert not GoalNote.objects.exists()


# The contact log.


def contact(world: World, **values: object) -> PartnerContact:
    fields = {
        "room": world.room,
        "organisation": OrganisationFactory(),
        "contacted_on": TODAY,
        "subject": "Buurtfeest",
        "recorded_by": world.users["team_coordinator"],
        **values,
    }
    return services.save_partner_contact(PartnerContact(**fields), today=TODAY)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"contacted_on": TODAY + DAY}, "contacted_on"),
        ({"follow_up": "Bellen", "follow_up_on": TODAY - DAY}, "follow_up_on"),
        ({"follow_up": "", "follow_up_on": TODAY + DAY}, "follow_up"),
    ],
)
def test_a_contact_with_impossible_dates_is_refused(
    world: World, values: dict, field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        contact(world, **values)
    assert refused_fields(error) == {field}
    assert not PartnerContact.objects.exists()


def test_a_contact_follow_up_is_a_deadline_for_the_coordinator(world: World) -> None:
    logged = PartnerContactFactory(
        room=world.room, contacted_on=TODAY, follow_up_on=TODAY + 3 * DAY
    )

    deadlines = deadlines_for(world.users["team_coordinator"], TODAY)

    titles = [item.title for item in deadlines if item.url == logged.get_absolute_url()]
    assert titles == [
        gettext("Follow up with %(organisation)s: %(what)s")
        % {"organisation": logged.organisation.name, "what": logged.follow_up}
    ]
