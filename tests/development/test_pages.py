"""The development pages: what each role sees, and the forms that save through
the services."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from buurtwerkkamer.development.constants import Evaluator
from buurtwerkkamer.development.models import (
    Evaluation,
    FollowUp,
    LearningPlan,
    Training,
)
from tests.factories import PersonFactory
from tests.personas import World

from .factories import (
    EvaluationFactory,
    LearningPlanFactory,
    TrainingFactory,
    TrainingParticipantFactory,
)


def login(client, world: World, role: str):  # noqa: ANN001, ANN201
    client.force_login(world.users[role])
    return client


def room_url(world: World, name: str) -> str:
    return reverse(f"development:{name}", kwargs={"room": world.room.slug})


def test_a_team_coordinator_writes_the_learning_plan_of_the_year(
    client, world: World
) -> None:
    year = timezone.localdate().year
    response = login(client, world, "team_coordinator").post(
        room_url(world, "plan_create"),
        {
            "year": year,
            "lessons_learned": "Vaste tijden werken.",
            "results": "",
            "learning_goals": "Meer vrijwilligers scholen.",
        },
    )
    plan = LearningPlan.objects.get(room=world.room)
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert plan.year == year


def test_a_second_plan_for_a_year_is_refused_on_the_page(client, world: World) -> None:
    year = timezone.localdate().year
    LearningPlanFactory(room=world.room, year=year)
    response = login(client, world, "project_coach").post(
        room_url(world, "plan_create"),
        {"year": year, "lessons_learned": "x", "learning_goals": "y"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["year"] == [
        gettext("This room has a learning plan for that year.")
    ]
    assert LearningPlan.objects.filter(room=world.room).count() == 1


def test_an_evaluation_by_a_third_party_is_recorded_with_its_report(
    client, world: World
) -> None:
    client = login(client, world, "team_coordinator")
    client.post(
        room_url(world, "evaluation_create"),
        {
            "theme": "Bereik in de buurt",
            "evaluator": Evaluator.THIRD_PARTY,
            "organisation": world.partner_organisation.pk,
            "evaluator_name": "Drs. K. Onderzoeker",
            "held_on": "2026-10-01",
            "findings": "Veel bezoekers uit de straat.",
            "recommendations": "",
        },
    )
    evaluation = Evaluation.objects.get(room=world.room)
    upload = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.post(
        reverse("development:report_upload", kwargs={"evaluation": evaluation.uuid}),
        {"file": upload},
    )
    evaluation.refresh_from_db()
    assert response.status_code == 302
    assert evaluation.organisation == world.partner_organisation
    assert evaluation.report is not None


def test_a_follow_up_due_before_the_evaluation_is_refused_on_the_page(
    client, world: World
) -> None:
    evaluation = EvaluationFactory(room=world.room)
    response = login(client, world, "team_coordinator").post(
        reverse("development:follow_up_create", kwargs={"evaluation": evaluation.uuid}),
        {
            "action": "Training plannen",
            "owner": world.users["team_coordinator"].pk,
            "due_on": "2026-05-01",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["due_on"] == [
        gettext("A follow-up action cannot fall due before the evaluation.")
    ]
    assert not FollowUp.objects.exists()


def test_follow_ups_are_owned_by_staff_or_board_only(client, world: World) -> None:
    evaluation = EvaluationFactory(room=world.room)
    response = login(client, world, "board").get(
        reverse("development:follow_up_create", kwargs={"evaluation": evaluation.uuid})
    )
    owners = set(response.context["form"].fields["owner"].queryset)
    assert owners == {
        world.users["board"],
        world.users["project_coach"],
        world.users["team_coordinator"],
    }


def test_a_partner_reads_the_findings_but_not_the_evaluator(
    client, world: World
) -> None:
    evaluation = EvaluationFactory(room=world.room, evaluator_name="Drs. Naamloos")
    response = login(client, world, "partner").get(evaluation.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert evaluation.findings in content
    assert "Drs. Naamloos" not in content


def test_the_staff_read_the_evaluator(client, world: World) -> None:
    evaluation = EvaluationFactory(room=world.room, evaluator_name="Drs. Naamloos")
    response = login(client, world, "project_coach").get(evaluation.get_absolute_url())
    assert "Drs. Naamloos" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees_names"),
    [
        ("board", True),
        ("team_coordinator", True),
        ("treasurer", False),
        ("volunteer", False),
        ("partner", False),
    ],
)
def test_only_staff_and_board_see_who_takes_part(
    client, world: World, role: str, sees_names: bool
) -> None:
    person = PersonFactory(rooms=[world.room], first_name="Fatima", last_name="Zeki")
    participant = TrainingParticipantFactory(training__room=world.room, person=person)
    response = login(client, world, role).get(participant.training.get_absolute_url())
    assert response.status_code == 200
    assert response.context["participant_count"] == 1
    assert ("Fatima Zeki" in response.content.decode()) is sees_names


def test_a_volunteer_sees_the_trainings_and_plan_but_no_evaluations(
    client, world: World
) -> None:
    year = timezone.localdate().year
    LearningPlanFactory(room=world.room, year=year, learning_goals="Leren koken")
    course = TrainingFactory(room=world.room, starts_on=datetime.date(year, 1, 10))
    evaluation = EvaluationFactory(room=world.room, held_on=datetime.date(year, 1, 5))
    client = login(client, world, "volunteer")

    page = client.get(room_url(world, "room"))
    refused = client.get(evaluation.get_absolute_url())

    assert page.status_code == 200
    assert list(page.context["trainings"]) == [course]
    assert page.context["plan"].learning_goals == "Leren koken"
    assert evaluation.theme not in page.content.decode()
    assert refused.status_code == 403


def test_a_completion_in_the_future_is_refused_on_the_page(
    client, world: World
) -> None:
    participant = TrainingParticipantFactory(training__room=world.room)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = login(client, world, "team_coordinator").post(
        reverse(
            "development:participant_complete",
            kwargs={"participant": participant.uuid},
        ),
        {"completed_on": tomorrow.isoformat()},
    )
    participant.refresh_from_db()
    assert response.status_code == 400
    assert participant.completed_on is None


def test_only_people_of_the_room_can_be_added(client, world: World) -> None:
    course = TrainingFactory(room=world.room)
    outsider = PersonFactory(rooms=[world.other_room])
    response = login(client, world, "team_coordinator").post(
        reverse("development:participant_add", kwargs={"training": course.uuid}),
        {"person": outsider.pk},
    )
    assert response.status_code == 400
    assert not course.participants.exists()


def test_a_training_is_planned_from_the_learning_plan(client, world: World) -> None:
    plan = LearningPlanFactory(room=world.room, year=2026)
    response = login(client, world, "project_coach").post(
        room_url(world, "training_create"),
        {
            "title": "Omgaan met agressie",
            "provider": "Buurtacademie",
            "starts_on": "2027-01-15",
            "learning_plan": plan.pk,
            "status": "planned",
        },
    )
    course = Training.objects.get(room=world.room)
    assert response.status_code == 302
    assert course.learning_plan == plan


def test_the_index_counts_the_completed_trainings_of_the_year(
    client, world: World
) -> None:
    year = timezone.localdate().year
    TrainingParticipantFactory(
        training__room=world.room,
        training__starts_on=datetime.date(year, 1, 10),
        completed_on=datetime.date(year, 1, 10),
    )
    response = login(client, world, "board").get(reverse("development:index"))
    rows = {room.slug: count for room, count in response.context["rows"]}
    assert rows == {"thuis": 1, "elders": 0}


def test_a_volunteer_finds_the_trainings_to_come_on_the_dashboard(
    client, world: World
) -> None:
    today = timezone.localdate()
    coming = TrainingFactory(room=world.room, starts_on=today + datetime.timedelta(7))
    TrainingFactory(room=world.room, starts_on=today - datetime.timedelta(7))
    TrainingFactory(room=world.other_room, starts_on=today + datetime.timedelta(7))

    response = login(client, world, "volunteer").get(reverse("core:dashboard"))

    panels = [
        panel
        for panel in response.context["panels"]
        if panel.template == "development/panel_trainings.html"
    ]
    assert [panel.context["trainings"] for panel in panels] == [[coming]]
