"""A volunteer records an activity session on a phone, from the dashboard to the
activity's page, in one screen of the form."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.activities.models import Session
from tests.activities.factories import ActivityFactory
from tests.factories import PersonFactory
from tests.personas import World

from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_volunteer_records_a_session_on_a_phone(
    visitor: MakeVisitor, world: World
) -> None:
    activity = ActivityFactory(
        room=world.room, name="Kookclub", schedule="dinsdag 17:00-19:30"
    )
    gerda = PersonFactory(first_name="Gerda", last_name="Pronk", rooms=[world.room])
    kees = PersonFactory(first_name="Kees", last_name="Brouwer", rooms=[world.room])
    PersonFactory(first_name="Ilse", last_name="de Graaf", rooms=[world.room])
    volunteer = visitor()
    volunteer.sign_in(world.users["volunteer"])
    volunteer.page.set_viewport_size(PHONE)

    volunteer.open(reverse("core:dashboard"))
    volunteer.follow(reverse("activities:record", kwargs={"activity": activity.uuid}))
    visitors = volunteer.main("[name=visitors]")
    assert visitors.get_attribute("inputmode") == "numeric"
    assert volunteer.main("[name=held_on]").input_value() == (
        timezone.localdate().isoformat()
    )
    visitors.fill("18")
    volunteer.page.get_by_label(str(gerda), exact=True).check()
    volunteer.page.get_by_label(str(kees), exact=True).check()
    volunteer.main(f"[name=hours_{kees.pk}]").fill("1.5")
    volunteer.submit()

    session = Session.objects.get()
    assert (session.activity, session.held_on, session.visitors) == (
        activity,
        timezone.localdate(),
        18,
    )
    assert sorted((p.person.first_name, p.hours) for p in session.volunteers.all()) == [
        ("Gerda", Decimal("2.50")),
        ("Kees", Decimal("1.50")),
    ]
    assert session.recorded_by == world.users["volunteer"]
    assert volunteer.page.url == volunteer.base_url + activity.get_absolute_url()
    # The page is as wide as the phone: nothing to scroll sideways for.
    width = volunteer.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
