"""The demo's team and mediation records: house rules in two versions with a
breach, yearly goals with notes, a contact log, a case ending in an agreement
and one ending in an exclusion that runs on the day the demo is loaded."""

import pytest

from buurtwerkkamer.core.registry import participation_refusal
from buurtwerkkamer.demo.facts.rooms import OPERATIONAL_ROOMS, OVERVECHT
from buurtwerkkamer.mediation.constants import Outcome
from buurtwerkkamer.mediation.models import Exclusion, MediationCase
from buurtwerkkamer.teamwork.models import (
    Breach,
    GoalNote,
    HouseRules,
    PartnerContact,
)

from .conftest import LOAD_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]

SLUGS = [fact.slug for fact in OPERATIONAL_ROOMS]


@pytest.mark.parametrize("slug", SLUGS)
def test_each_room_has_two_versions_of_house_rules_and_a_breach_under_the_first(
    slug: str,
) -> None:
    versions = list(HouseRules.objects.filter(room__slug=slug).order_by("number"))
    breach = Breach.objects.get(room__slug=slug)

    assert [version.number for version in versions] == [1, 2]
    assert versions[1].effective_from == LOAD_DAY
    assert breach.rules == versions[0]


@pytest.mark.parametrize("slug", SLUGS)
def test_each_room_has_goals_with_notes_and_a_contact_log(slug: str) -> None:
    notes = GoalNote.objects.filter(goal__room__slug=slug, goal__year=LOAD_DAY.year)
    assert notes.count() == 2
    assert PartnerContact.objects.filter(room__slug=slug).exists()


def test_one_case_ended_in_an_agreement_and_one_in_an_exclusion() -> None:
    outcomes = MediationCase.objects.filter(room__slug=OVERVECHT.slug).values_list(
        "outcome", flat=True
    )
    assert sorted(outcomes) == sorted([Outcome.AGREEMENT, Outcome.EXCLUSION])


def test_the_exclusion_runs_today_and_refuses_participation() -> None:
    exclusion = Exclusion.objects.get()

    assert exclusion.runs_on(LOAD_DAY)
    assert exclusion.case.outcome == Outcome.EXCLUSION
    assert participation_refusal(exclusion.person, exclusion.room_id, LOAD_DAY)
