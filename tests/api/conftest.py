"""Fixtures for the API: a client per persona that authenticates with a token, as a
real client of the API does."""

from collections.abc import Callable

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.tokens import issue_token
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from ..factories import GrantFactory, UserFactory
from ..personas import World

ApiFor = Callable[[str], APIClient]


@pytest.fixture(autouse=True)
def _fresh_throttles() -> None:
    """The throttles count in the cache; each test starts with none counted, as
    SQLite hands the next test's users the same ids."""
    cache.clear()


@pytest.fixture
def api_for(world: World) -> ApiFor:
    def client_for(role: str) -> APIClient:
        _token, key = issue_token(world.users[role], "tests")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return client_for


@pytest.fixture
def exploring_room(world: World) -> Room:
    """The home room at the start of its start-up track."""
    Room.objects.filter(pk=world.room.pk).update(stage=Stage.EXPLORING)
    world.room.refresh_from_db()
    return world.room


@pytest.fixture
def elders_coordinator(world: World) -> str:
    """A team coordinator of the other room, under the persona name it returns."""
    user = UserFactory(email="elders@example.nl", name="Coördinator Elders")
    GrantFactory(user=user, role=Role.TEAM_COORDINATOR, room=world.other_room)
    world.users["elders_coordinator"] = user
    return "elders_coordinator"
