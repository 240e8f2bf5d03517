import datetime

import pytest

from buurtwerkkamer.activities.models import Activity
from buurtwerkkamer.people.models import Person
from tests.factories import PersonFactory
from tests.personas import World

from .factories import ActivityFactory

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture
def activity(world: World) -> Activity:
    return ActivityFactory(room=world.room, name="Kookclub")


@pytest.fixture
def course(world: World) -> Activity:
    return ActivityFactory(room=world.room, name="Taalles", course=True)


@pytest.fixture
def helper(world: World) -> Person:
    return PersonFactory(first_name="Gerda", last_name="Pronk", rooms=[world.room])
