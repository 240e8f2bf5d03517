"""The development services: what they save, and what they refuse without
changing anything."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from buurtwerkkamer.core import registry
from buurtwerkkamer.core.registry import deadlines_for
from buurtwerkkamer.development import services
from buurtwerkkamer.development.constants import Evaluator, TrainingStatus
from buurtwerkkamer.development.models import (
    Evaluation,
    FollowUp,
    LearningPlan,
    Training,
    TrainingParticipant,
)
from buurtwerkkamer.documents.models import Document
from tests.factories import PersonFactory
from tests.personas import World

from .factories import (
    EvaluationFactory,
    FollowUpFactory,
    LearningPlanFactory,
    TrainingFactory,
    TrainingParticipantFactory,
)

TODAY = datetime.date(2026, 12, 3)
DAY = datetime.timedelta(days=1)


def refused_field(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(error.value.message_dict)


# Evaluations.


def test_an_evaluation_in_the_future_is_refused(world: World) -> None:
    evaluation = Evaluation(
        room=world.room,
        theme="Bereik",
        evaluator=Evaluator.TEAM,
        held_on=TODAY + DAY,
        findings="Goed bereik.",
    )
    with pytest.raises(ValidationError) as error:
        services.save_evaluation(evaluation, today=TODAY)
    assert refused_field(error) == {"held_on"}
    assert not Evaluation.objects.exists()


def test_an_evaluation_by_a_third_party_names_the_organisation(world: World) -> None:
    evaluation = Evaluation(
        room=world.room,
        theme="Bereik",
        evaluator=Evaluator.THIRD_PARTY,
        held_on=TODAY,
        findings="Goed bereik.",
    )
    with pytest.raises(ValidationError) as error:
        services.save_evaluation(evaluation, today=TODAY)
    assert refused_field(error) == {"organisation"}
    assert not Evaluation.objects.exists()


def test_an_evaluation_by_the_team_has_no_organisation(world: World) -> None:
    evaluation = Evaluation(
        room=world.room,
        theme="Bereik",
        evaluator=Evaluator.TEAM,
        organisation=world.partner_organisation,
        held_on=TODAY,
        findings="Goed bereik.",
    )
    with pytest.raises(ValidationError) as error:
        services.save_evaluation(evaluation, today=TODAY)
    assert refused_field(error) == {"organisation"}


def test_an_evaluation_cannot_move_past_its_follow_ups(world: World) -> None:
    action = FollowUpFactory(
        evaluation__room=world.room, due_on=datetime.date(2026, 7, 1)
    )
    evaluation = action.evaluation
    evaluation.held_on = datetime.date(2026, 8, 1)
    with pytest.raises(ValidationError) as error:
        services.save_evaluation(evaluation, today=TODAY)
    assert refused_field(error) == {"held_on"}
    evaluation.refresh_from_db()
    assert evaluation.held_on == datetime.date(2026, 6, 1)


def test_a_report_is_stored_as_a_document_of_the_room(world: World) -> None:
    evaluation = EvaluationFactory(room=world.room)
    upload = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4\n%%EOF\n")
    document = services.store_report(evaluation, upload, world.users["board"])
    evaluation.refresh_from_db()
    assert evaluation.report == document
    assert document.room_id_scope == world.room.pk


def test_a_report_that_is_no_pdf_or_image_is_refused(world: World) -> None:
    evaluation = EvaluationFactory(room=world.room)
    upload = SimpleUploadedFile("rapport.pdf", b"<html>niet echt</html>")
    with pytest.raises(ValidationError):
        services.store_report(evaluation, upload, world.users["board"])
    evaluation.refresh_from_db()
    assert evaluation.report is None
    assert not Document.objects.exists()


# Follow-up actions.


def test_a_follow_up_due_before_the_evaluation_is_refused(world: World) -> None:
    evaluation = EvaluationFactory(room=world.room)
    with pytest.raises(ValidationError) as error:
        services.add_follow_up(
            evaluation,
            action="Scholing plannen",
            owner=world.users["team_coordinator"],
            due_on=evaluation.held_on - DAY,
        )
    assert refused_field(error) == {"due_on"}
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize("role", ["volunteer", "partner", "treasurer", "nobody"])
def test_a_follow_up_is_owned_by_the_rooms_staff_or_the_board(
    world: World, role: str
) -> None:
    evaluation = EvaluationFactory(room=world.room)
    with pytest.raises(ValidationError) as error:
        services.add_follow_up(
            evaluation,
            action="Scholing plannen",
            owner=world.users[role],
            due_on=evaluation.held_on,
        )
    assert refused_field(error) == {"owner"}


def test_a_follow_up_appears_among_its_owners_deadlines(world: World) -> None:
    evaluation = EvaluationFactory(room=world.room)
    owner = world.users["team_coordinator"]
    services.add_follow_up(
        evaluation, action="Scholing plannen", owner=owner, due_on=TODAY
    )
    found = [d for d in deadlines_for(owner, TODAY) if d.kind == "evaluation"]
    assert [(d.due, d.url) for d in found] == [(TODAY, evaluation.get_absolute_url())]


def test_a_follow_up_is_not_among_the_deadlines_of_others(world: World) -> None:
    FollowUpFactory(evaluation__room=world.room, owner=world.users["team_coordinator"])
    found = deadlines_for(world.users["project_coach"], TODAY)
    assert [d for d in found if d.kind == "evaluation"] == []


def test_a_done_follow_up_leaves_the_deadlines(world: World) -> None:
    owner = world.users["team_coordinator"]
    action = FollowUpFactory(evaluation__room=world.room, owner=owner)
    services.complete_follow_up(action, done_on=TODAY, today=TODAY)
    assert [d for d in deadlines_for(owner, TODAY) if d.kind == "evaluation"] == []


def test_a_follow_up_done_in_the_future_is_refused(world: World) -> None:
    action = FollowUpFactory(evaluation__room=world.room)
    with pytest.raises(ValidationError) as error:
        services.complete_follow_up(action, done_on=TODAY + DAY, today=TODAY)
    assert refused_field(error) == {"done_on"}
    action.refresh_from_db()
    assert action.done_on is None


def test_a_follow_up_done_before_the_evaluation_is_refused(world: World) -> None:
    action = FollowUpFactory(evaluation__room=world.room)
    with pytest.raises(ValidationError):
        services.complete_follow_up(
            action, done_on=action.evaluation.held_on - DAY, today=TODAY
        )
    action.refresh_from_db()
    assert action.done_on is None


def test_a_follow_up_is_done_once(world: World) -> None:
    action = FollowUpFactory(evaluation__room=world.room, done_on=TODAY - DAY)
    with pytest.raises(ValidationError):
        services.complete_follow_up(action, done_on=TODAY, today=TODAY)
    action.refresh_from_db()
    assert action.done_on == TODAY - DAY


# Learning plans.


def plan(world: World, year: int) -> LearningPlan:
    return LearningPlan(
        room=world.room,
        year=year,
        lessons_learned="Samen koken verbindt.",
        learning_goals="Hygiënecode kennen.",
    )


def test_a_learning_plan_is_saved_for_a_year(world: World) -> None:
    saved = services.save_learning_plan(plan(world, 2026), today=TODAY)
    assert LearningPlan.objects.get(room=world.room).pk == saved.pk


def test_a_second_learning_plan_for_the_same_year_is_refused(world: World) -> None:
    LearningPlanFactory(room=world.room, year=2026)
    with pytest.raises(ValidationError) as error:
        services.save_learning_plan(plan(world, 2026), today=TODAY)
    assert refused_field(error) == {"year"}
    assert LearningPlan.objects.filter(room=world.room).count() == 1


def test_the_same_year_in_another_room_is_allowed(world: World) -> None:
    LearningPlanFactory(room=world.other_room, year=2026)
    services.save_learning_plan(plan(world, 2026), today=TODAY)
    assert LearningPlan.objects.filter(year=2026).count() == 2


@pytest.mark.parametrize("year", [1999, 2028])
def test_a_learning_plan_for_a_year_that_makes_no_sense_is_refused(
    world: World, year: int
) -> None:
    with pytest.raises(ValidationError) as error:
        services.save_learning_plan(plan(world, year), today=TODAY)
    assert refused_field(error) == {"year"}
    assert not LearningPlan.objects.exists()


# Trainings.


def training(world: World, **fields: object) -> Training:
    values = {
        "room": world.room,
        "title": "EHBO",
        "provider": "Rode Kruis",
        "starts_on": datetime.date(2026, 11, 2),
        **fields,
    }
    return Training(**values)


def test_a_training_ending_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.save_training(
            training(world, ends_on=datetime.date(2026, 11, 1)), today=TODAY
        )
    assert refused_field(error) == {"ends_on"}
    assert not Training.objects.exists()


def test_a_training_from_the_plan_of_another_room_is_refused(world: World) -> None:
    elsewhere = LearningPlanFactory(room=world.other_room, year=2026)
    with pytest.raises(ValidationError) as error:
        services.save_training(training(world, learning_plan=elsewhere), today=TODAY)
    assert refused_field(error) == {"learning_plan"}
    assert not Training.objects.exists()


def test_a_training_in_the_future_cannot_have_been_held(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.save_training(
            training(world, starts_on=TODAY + DAY, status=TrainingStatus.HELD),
            today=TODAY,
        )
    assert refused_field(error) == {"status"}
    assert not Training.objects.exists()


def test_a_training_cannot_move_past_its_completions(world: World) -> None:
    participant = TrainingParticipantFactory(
        training__room=world.room, training__held=True, completed=True
    )
    moved = participant.training
    moved.starts_on = participant.completed_on + DAY
    with pytest.raises(ValidationError) as error:
        services.save_training(moved, today=TODAY)
    assert refused_field(error) == {"starts_on"}
    moved.refresh_from_db()
    assert moved.starts_on == participant.completed_on


# Participants.


def test_a_participant_from_another_room_is_refused(world: World) -> None:
    course = TrainingFactory(room=world.room)
    outsider = PersonFactory(rooms=[world.other_room])
    with pytest.raises(ValidationError) as error:
        services.add_participant(course, outsider)
    assert refused_field(error) == {"person"}
    assert not TrainingParticipant.objects.exists()


def test_a_participant_takes_part_once(world: World) -> None:
    participant = TrainingParticipantFactory(training__room=world.room)
    with pytest.raises(ValidationError):
        services.add_participant(participant.training, participant.person)
    assert TrainingParticipant.objects.count() == 1


def test_a_completion_in_the_future_is_refused(world: World) -> None:
    participant = TrainingParticipantFactory(training__room=world.room)
    with pytest.raises(ValidationError) as error:
        services.record_completion(participant, completed_on=TODAY + DAY, today=TODAY)
    assert refused_field(error) == {"completed_on"}
    participant.refresh_from_db()
    assert participant.completed_on is None


def test_a_completion_before_the_last_day_of_the_training_is_refused(
    world: World,
) -> None:
    participant = TrainingParticipantFactory(
        training__room=world.room,
        training__starts_on=datetime.date(2026, 11, 2),
        training__ends_on=datetime.date(2026, 11, 23),
    )
    with pytest.raises(ValidationError) as error:
        services.record_completion(
            participant, completed_on=datetime.date(2026, 11, 9), today=TODAY
        )
    assert refused_field(error) == {"completed_on"}
    participant.refresh_from_db()
    assert participant.completed_on is None


def test_a_completion_shows_the_training_was_held(world: World) -> None:
    participant = TrainingParticipantFactory(training__room=world.room)
    day = participant.training.starts_on
    services.record_completion(participant, completed_on=day, today=TODAY)
    participant.refresh_from_db()
    assert participant.completed_on == day
    assert participant.training.status == TrainingStatus.HELD


def test_a_training_with_completions_cannot_go_back_to_planned(world: World) -> None:
    participant = TrainingParticipantFactory(
        training__room=world.room, training__held=True, completed=True
    )
    course = participant.training
    course.status = TrainingStatus.PLANNED
    with pytest.raises(ValidationError) as error:
        services.save_training(course, today=TODAY)
    assert refused_field(error) == {"status"}


def test_someone_excluded_from_the_room_on_the_training_day_is_not_enrolled(
    world: World,
) -> None:
    course = TrainingFactory(room=world.room)
    person = PersonFactory(rooms=[world.room])

    def excluded(who: object, room_id: int, day: datetime.date) -> str | None:
        if who == person and room_id == world.room.pk and day == course.starts_on:
            return "Tijdelijk uitgesloten."
        return None

    registry.register_participation_check(excluded)
    try:
        with pytest.raises(ValidationError) as error:
            services.add_participant(course, person)
    finally:
        registry._participation_checks.remove(excluded)
    assert error.value.message_dict == {"person": ["Tijdelijk uitgesloten."]}
    assert not TrainingParticipant.objects.exists()
