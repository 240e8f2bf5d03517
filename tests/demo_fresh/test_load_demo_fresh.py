"""The demo command on a database of its own (outside tests/demo, whose loaded
demo would be in the way): loading on another day, loading
afresh, and refusing to load."""

import datetime

import pytest
import time_machine
from django.core.management.base import CommandError
from pytest_django.fixtures import Settings

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from tests.demo.conftest import load_demo, row_counts

from ..factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _debug(settings: Settings) -> None:
    # The command refuses to run with DEBUG off unless told to; tests run with it off.
    settings.DEBUG = True


def test_dates_follow_the_day_the_demo_is_loaded(settings: Settings) -> None:
    # Loaded without DEBUG, as told to: a whole load costs half a minute, so this
    # test also shows that being told is enough (the refusal is tested below).
    settings.DEBUG = False
    with time_machine.travel(datetime.datetime(2031, 3, 1, 12, tzinfo=datetime.UTC)):
        load_demo("--allow-without-debug")

    assert Room.objects.count() == 4
    room = Room.objects.get(stage=Stage.LOCATION_FOUND)
    assert room.stage_since == datetime.date(2031, 3, 1) - datetime.timedelta(55)


# flush truncates tables, which PostgreSQL refuses inside the test's own transaction.
@pytest.mark.django_db(transaction=True)
def test_reset_loads_the_demo_afresh() -> None:
    load_demo()
    before = row_counts()
    Organisation.objects.filter(slug="gemeente-utrecht").update(name="Veranderd")

    output = load_demo("--reset")

    assert "Demo loaded" in output
    assert Organisation.objects.get(slug="gemeente-utrecht").name == "Gemeente Utrecht"
    assert row_counts() == before


def test_loading_refuses_a_database_that_holds_organisations() -> None:
    OrganisationFactory()

    with pytest.raises(CommandError, match="empty"):
        load_demo()

    assert not Room.objects.exists()


def test_loading_refuses_without_debug(settings: Settings) -> None:
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        load_demo()
    assert not User.objects.exists()
