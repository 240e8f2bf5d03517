"""A room's yearly learning cycle in the browser: the team coordinator writes
the learning plan, plans a training from it, enrols a volunteer and records the
completion; a partner reads the evaluation without any named person. Every page
is axe-checked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.development.models import LearningPlan, TrainingParticipant
from tests.development.factories import EvaluationFactory, FollowUpFactory
from tests.factories import PersonFactory
from tests.personas import World

from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_plans_a_training_and_records_its_completion(
    visitor: MakeVisitor, world: World
) -> None:
    today = timezone.localdate()
    volunteer = PersonFactory(rooms=[world.room], first_name="Gerda", last_name="Pronk")
    coordinator = visitor()
    coordinator.sign_in(world.users["team_coordinator"])
    room_page = reverse("development:room", kwargs={"room": world.room.slug})

    coordinator.open(room_page)
    coordinator.follow(
        reverse("development:plan_create", kwargs={"room": world.room.slug})
    )
    coordinator.main("[name=lessons_learned]").fill("Inwerken in duo's werkt.")
    coordinator.main("[name=learning_goals]").fill("Iedere vrijwilliger EHBO.")
    coordinator.submit()
    plan = LearningPlan.objects.get(room=world.room)

    coordinator.follow(
        reverse("development:training_create", kwargs={"room": world.room.slug})
    )
    coordinator.main("[name=title]").fill("EHBO voor vrijwilligers")
    coordinator.main("[name=provider]").fill("Rode Kruis")
    coordinator.main("[name=starts_on]").fill(today.isoformat())
    coordinator.main("[name=learning_plan]").select_option(str(plan.pk))
    coordinator.submit()
    training = plan.trainings.get()

    coordinator.follow(
        reverse("development:participant_add", kwargs={"training": training.uuid})
    )
    coordinator.main("[name=person]").select_option(str(volunteer.pk))
    coordinator.submit()
    participant = TrainingParticipant.objects.get(training=training)
    coordinator.follow(
        reverse(
            "development:participant_complete",
            kwargs={"participant": participant.uuid},
        )
    )
    response = coordinator.submit()

    participant.refresh_from_db()
    assert response.status == 200
    assert participant.completed_on == today
    assert coordinator.page.url == coordinator.base_url + training.get_absolute_url()
    assert "Gerda Pronk" in coordinator.main("table").inner_text()


def test_a_partner_reads_the_findings_without_names(
    visitor: MakeVisitor, world: World
) -> None:
    evaluation = EvaluationFactory(
        room=world.room,
        evaluator_name="Drs. Naamloos",
        held_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    FollowUpFactory(evaluation=evaluation, owner=world.users["team_coordinator"])
    partner = visitor()
    partner.sign_in(world.users["partner"])

    partner.open(evaluation.get_absolute_url())

    text = partner.page.inner_text("main")
    assert evaluation.findings in text
    assert "Drs. Naamloos" not in text
    assert world.users["team_coordinator"].name not in text
