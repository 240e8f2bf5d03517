"""The demo's development records: each operational room shows its learning
plans, trainings and an evaluation by a third party."""

import datetime

import pytest

from buurtwerkkamer.core.registry import deadlines_for
from buurtwerkkamer.demo.facts.rooms import OPERATIONAL_ROOMS
from buurtwerkkamer.development.constants import Evaluator
from buurtwerkkamer.development.models import (
    Evaluation,
    LearningPlan,
    TrainingParticipant,
)
from buurtwerkkamer.rooms.models import Room

from .conftest import LOAD_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]

SLUGS = [fact.slug for fact in OPERATIONAL_ROOMS]


@pytest.mark.parametrize("slug", SLUGS)
def test_each_operational_room_has_a_plan_for_last_year_and_this_year(
    slug: str,
) -> None:
    years = set(
        LearningPlan.objects.filter(room__slug=slug).values_list("year", flat=True)
    )
    assert years == {LOAD_DAY.year - 1, LOAD_DAY.year}


@pytest.mark.parametrize("slug", SLUGS)
def test_each_operational_room_has_an_evaluation_by_a_third_party_with_a_report(
    slug: str,
) -> None:
    evaluation = Evaluation.objects.get(
        room__slug=slug, evaluator=Evaluator.THIRD_PARTY
    )
    assert evaluation.report is not None
    assert evaluation.report.content_type == "application/pdf"


@pytest.mark.parametrize("slug", SLUGS)
def test_each_operational_room_has_completed_and_open_participations(
    slug: str,
) -> None:
    places = TrainingParticipant.objects.filter(training__room__slug=slug)
    completed = places.filter(completed_on__isnull=False).count()
    assert completed >= 3
    assert places.filter(completed_on__isnull=True).count() >= 1


def test_the_open_follow_ups_are_on_their_owners_dashboards() -> None:
    room = Room.objects.get(slug=SLUGS[0])
    evaluation = room.evaluations.get(evaluator=Evaluator.THIRD_PARTY)
    action = evaluation.follow_ups.get(done_on__isnull=True)
    found = deadlines_for(action.owner, LOAD_DAY)
    assert (action.due_on, evaluation.get_absolute_url()) in {
        (deadline.due, deadline.url) for deadline in found
    }
    assert action.due_on > LOAD_DAY - datetime.timedelta(days=1)
