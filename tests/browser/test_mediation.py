"""A mediation case in the browser: the team coordinator opens a case between
two volunteers, records a session, decides a temporary exclusion from it and
closes the case; recording the excluded volunteer in an activity is then
refused with the reason. Every page is axe-checked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from buurtwerkkamer.activities.models import Session
from buurtwerkkamer.mediation.constants import Outcome
from buurtwerkkamer.mediation.models import Exclusion, MediationCase
from tests.activities.factories import ActivityFactory
from tests.factories import PersonFactory
from tests.personas import World

from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_case_ends_in_an_exclusion_that_blocks_recording_the_person(
    visitor: MakeVisitor, world: World
) -> None:
    today = timezone.localdate()
    last_day = today + datetime.timedelta(days=13)
    activity = ActivityFactory(room=world.room, name="Kookclub")
    bram = PersonFactory(first_name="Bram", last_name="Koster", rooms=[world.room])
    fatma = PersonFactory(first_name="Fatma", last_name="Demir", rooms=[world.room])
    coordinator = visitor()
    coordinator.sign_in(world.users["team_coordinator"])

    coordinator.open(reverse("mediation:room", kwargs={"room": world.room.slug}))
    coordinator.follow(
        reverse("mediation:case_create", kwargs={"room": world.room.slug})
    )
    coordinator.main("[name=title]").fill("Ruzie in de buurtkeuken")
    coordinator.page.get_by_label(str(bram), exact=True).check()
    coordinator.page.get_by_label(str(fatma), exact=True).check()
    coordinator.main("[name=what_happened]").fill("Een woordenwisseling liep op.")
    coordinator.submit()
    case = MediationCase.objects.get()

    coordinator.follow(reverse("mediation:session_add", kwargs={"case": case.uuid}))
    coordinator.page.get_by_label(str(bram), exact=True).check()
    coordinator.page.get_by_label(str(fatma), exact=True).check()
    coordinator.main("[name=others_present]").fill("Teamcoördinator")
    coordinator.main("[name=agreed]").fill("Bram blijft twee weken weg.")
    coordinator.submit()

    coordinator.follow(reverse("mediation:case_exclusion", kwargs={"case": case.uuid}))
    coordinator.main("[name=person]").select_option(str(bram.pk))
    coordinator.main("[name=ends_on]").fill(last_day.isoformat())
    coordinator.main("[name=reason]").fill("Bedreigde een andere vrijwilliger.")
    coordinator.submit()

    coordinator.follow(reverse("mediation:case_close", kwargs={"case": case.uuid}))
    coordinator.main(f"[name=outcome][value={Outcome.EXCLUSION}]").check()
    coordinator.submit()

    case.refresh_from_db()
    assert (case.outcome, case.closed_on, case.sessions.count()) == (
        Outcome.EXCLUSION,
        today,
        1,
    )
    assert Exclusion.objects.get().person == bram

    coordinator.open(reverse("activities:record", kwargs={"activity": activity.uuid}))
    coordinator.main("[name=visitors]").fill("12")
    coordinator.page.get_by_label(str(bram), exact=True).check()
    response = coordinator.submit()

    with translation.override("nl"):
        expected = translation.gettext(
            "%(name)s is temporarily excluded from this room until %(date)s."
        ) % {"name": bram, "date": date_format(last_day, "j F Y")}
    assert response.status == 400
    assert expected in coordinator.page.inner_text("main")
    assert not Session.objects.exists()
