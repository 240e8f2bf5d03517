"""The development API: who reads and changes what, named persons only for the
room's staff and the board, and the services' refusals as 400 answers."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.development.models import Evaluation, LearningPlan, Training

from ..development.factories import (
    EvaluationFactory,
    FollowUpFactory,
    LearningPlanFactory,
    TrainingFactory,
    TrainingParticipantFactory,
)
from ..factories import PersonFactory
from ..personas import ROLES, World
from .conftest import ApiFor

STAFF = {"board", "project_coach", "team_coordinator"}
READERS = STAFF | {"treasurer", "audit_committee", "accountant", "partner"}
DAY = datetime.timedelta(days=1)


def listed(api_for: ApiFor, role: str, basename: str) -> list[dict]:
    response = api_for(role).get(reverse(f"api:{basename}-list"))
    assert response.status_code == 200
    return response.json()["results"]


def detail(basename: str, record: object) -> str:
    return reverse(f"api:{basename}-detail", kwargs={"uuid": record.uuid})  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", ROLES)
def test_evaluations_are_listed_for_their_readers_in_the_home_room_only(
    role: str, world: World, api_for: ApiFor
) -> None:
    home = EvaluationFactory(room=world.room)
    EvaluationFactory(room=world.other_room)
    everywhere = {"board", "treasurer", "audit_committee", "accountant"}

    uuids = {row["uuid"] for row in listed(api_for, role, "evaluation")}

    expected = 2 if role in everywhere else int(role in READERS)
    assert len(uuids) == expected
    assert (str(home.uuid) in uuids) is (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_the_evaluator_and_owners_are_named_for_staff_and_board_only(
    role: str, world: World, api_for: ApiFor
) -> None:
    evaluation = EvaluationFactory(room=world.room, evaluator_name="Drs. Naamloos")
    FollowUpFactory(evaluation=evaluation, owner=world.users["team_coordinator"])

    response = api_for(role).get(detail("evaluation", evaluation))

    if role not in READERS:
        assert response.status_code == 403
        return
    data = response.json()
    names_shown = role in STAFF
    assert ("evaluator_name" in data) is names_shown
    assert ("owner" in data["follow_ups"][0]) is names_shown
    assert data["findings"] == evaluation.findings


@pytest.mark.parametrize("role", ROLES)
def test_trainings_show_counts_to_all_and_names_to_staff_and_board(
    role: str, world: World, api_for: ApiFor
) -> None:
    participant = TrainingParticipantFactory(training__room=world.room, completed=True)
    TrainingParticipantFactory(training=participant.training)

    response = api_for(role).get(detail("training", participant.training))

    assert response.status_code == 200
    data = response.json()
    assert (data["participant_count"], data["completed_count"]) == (2, 1)
    if role in STAFF:
        names = {row["name"] for row in data["participants"]}
        assert str(participant.person) in names
    else:
        assert "participants" not in data


def test_a_team_coordinator_writes_a_learning_plan(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("team_coordinator").post(
        reverse("api:learningplan-list"),
        {
            "room": world.room.slug,
            "year": 2026,
            "lessons_learned": "Vaste tijden werken.",
            "learning_goals": "Iedereen EHBO.",
        },
    )
    assert response.status_code == 201
    assert LearningPlan.objects.get(room=world.room).year == 2026


def test_a_learning_plan_for_a_year_twice_is_refused(
    world: World, api_for: ApiFor
) -> None:
    LearningPlanFactory(room=world.room, year=2026)
    response = api_for("project_coach").post(
        reverse("api:learningplan-list"),
        {
            "room": world.room.slug,
            "year": 2026,
            "lessons_learned": "x",
            "learning_goals": "y",
        },
    )
    assert response.status_code == 400
    assert set(response.json()) == {"year"}
    assert LearningPlan.objects.count() == 1


@pytest.mark.parametrize("role", ["treasurer", "volunteer", "partner"])
def test_readers_who_do_not_edit_cannot_record_an_evaluation(
    role: str, world: World, api_for: ApiFor
) -> None:
    response = api_for(role).post(
        reverse("api:evaluation-list"),
        {
            "room": world.room.slug,
            "theme": "Bereik",
            "evaluator": "team",
            "held_on": "2026-10-01",
            "findings": "Goed.",
        },
    )
    assert response.status_code == 403
    assert not Evaluation.objects.exists()


def test_an_evaluation_in_the_future_is_refused(world: World, api_for: ApiFor) -> None:
    tomorrow = timezone.localdate() + DAY
    response = api_for("team_coordinator").post(
        reverse("api:evaluation-list"),
        {
            "room": world.room.slug,
            "theme": "Bereik",
            "evaluator": "team",
            "held_on": tomorrow.isoformat(),
            "findings": "Goed.",
        },
    )
    assert response.status_code == 400
    assert set(response.json()) == {"held_on"}
    assert not Evaluation.objects.exists()


def test_a_follow_up_due_before_the_evaluation_is_refused(
    world: World, api_for: ApiFor
) -> None:
    evaluation = EvaluationFactory(room=world.room)
    response = api_for("team_coordinator").post(
        reverse("api:evaluation-add-follow-up", kwargs={"uuid": evaluation.uuid}),
        {
            "action": "Training plannen",
            "owner": world.users["team_coordinator"].email,
            "due_on": (evaluation.held_on - DAY).isoformat(),
        },
    )
    assert response.status_code == 400
    assert set(response.json()) == {"due_on"}
    assert not evaluation.follow_ups.exists()


def test_a_follow_up_owned_by_a_volunteer_is_refused(
    world: World, api_for: ApiFor
) -> None:
    evaluation = EvaluationFactory(room=world.room)
    response = api_for("team_coordinator").post(
        reverse("api:evaluation-add-follow-up", kwargs={"uuid": evaluation.uuid}),
        {
            "action": "Training plannen",
            "owner": world.users["volunteer"].email,
            "due_on": evaluation.held_on.isoformat(),
        },
    )
    assert response.status_code == 400
    assert set(response.json()) == {"owner"}


def test_a_follow_up_is_marked_done(world: World, api_for: ApiFor) -> None:
    action = FollowUpFactory(evaluation__room=world.room)
    today = timezone.localdate()
    response = api_for("project_coach").post(
        reverse(
            "api:evaluation-follow-up-done", kwargs={"uuid": action.evaluation.uuid}
        ),
        {"follow_up": str(action.uuid), "done_on": today.isoformat()},
    )
    action.refresh_from_db()
    assert response.status_code == 200
    assert action.done_on == today


def test_a_report_that_is_no_document_is_refused(world: World, api_for: ApiFor) -> None:
    evaluation = EvaluationFactory(room=world.room)
    upload = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 geen pdf")
    response = api_for("team_coordinator").post(
        reverse("api:evaluation-upload-report", kwargs={"uuid": evaluation.uuid}),
        {"file": upload},
    )
    evaluation.refresh_from_db()
    assert response.status_code == 400
    assert evaluation.report is None


def test_a_participant_of_another_room_is_refused(
    world: World, api_for: ApiFor
) -> None:
    course = TrainingFactory(room=world.room)
    outsider = PersonFactory(rooms=[world.other_room])
    response = api_for("board").post(
        reverse("api:training-add-participant", kwargs={"uuid": course.uuid}),
        {"person": str(outsider.uuid)},
    )
    assert response.status_code == 400
    assert set(response.json()) == {"person"}
    assert not course.participants.exists()


def test_a_completion_in_the_future_is_refused(world: World, api_for: ApiFor) -> None:
    participant = TrainingParticipantFactory(training__room=world.room)
    tomorrow = timezone.localdate() + DAY
    response = api_for("team_coordinator").post(
        reverse("api:training-complete", kwargs={"uuid": participant.training.uuid}),
        {"person": str(participant.person.uuid), "completed_on": tomorrow.isoformat()},
    )
    participant.refresh_from_db()
    assert response.status_code == 400
    assert set(response.json()) == {"completed_on"}
    assert participant.completed_on is None


def test_a_completion_counts_in_the_training(world: World, api_for: ApiFor) -> None:
    participant = TrainingParticipantFactory(training__room=world.room)
    day = participant.training.last_day
    response = api_for("team_coordinator").post(
        reverse("api:training-complete", kwargs={"uuid": participant.training.uuid}),
        {"person": str(participant.person.uuid), "completed_on": day.isoformat()},
    )
    assert response.status_code == 200
    assert response.json()["completed_count"] == 1
    assert response.json()["status"] == "held"


def test_a_training_ending_before_it_starts_is_refused(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("project_coach").post(
        reverse("api:training-list"),
        {
            "room": world.room.slug,
            "title": "EHBO",
            "provider": "Rode Kruis",
            "starts_on": "2027-02-10",
            "ends_on": "2027-02-01",
        },
    )
    assert response.status_code == 400
    assert set(response.json()) == {"ends_on"}
    assert not Training.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_every_listed_development_record_opens_for_the_user(
    role: str, world: World, api_for: ApiFor
) -> None:
    for room in (world.room, world.other_room):
        EvaluationFactory(room=room)
        LearningPlanFactory(room=room, year=2026)
        TrainingFactory(room=room)
    client = api_for(role)

    codes = {
        client.get(
            reverse(f"api:{basename}-detail", kwargs={"uuid": row["uuid"]})
        ).status_code
        for basename in ("evaluation", "learningplan", "training")
        for row in listed(api_for, role, basename)
    }

    assert codes <= {200}
