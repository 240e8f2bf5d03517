"""Every resource of the API throttles each user; the token endpoint keeps its own,
stricter throttle per client."""

from typing import cast

import pytest
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from buurtwerkkamer.api.auth import ObtainTokenView
from buurtwerkkamer.api.base import PolicyViewSet
from buurtwerkkamer.api.urls import router

from ..personas import World
from .conftest import ApiFor

VIEWSETS = {
    prefix: cast(type[PolicyViewSet], viewset)
    for prefix, viewset, _basename in router.registry
}


@pytest.mark.parametrize("prefix", VIEWSETS)
def test_every_resource_throttles_per_user(prefix: str) -> None:
    assert VIEWSETS[prefix].throttle_classes == [UserRateThrottle]


def test_the_token_endpoint_keeps_its_throttle_per_client() -> None:
    assert ObtainTokenView.throttle_classes == [AnonRateThrottle]


@pytest.fixture
def two_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/min"})


@pytest.mark.usefixtures("two_a_minute")
def test_a_user_over_the_rate_gets_429_and_another_user_is_served(
    world: World, api_for: ApiFor
) -> None:
    url = reverse("api:room-list")
    busy = api_for("board")

    codes = [busy.get(url).status_code for _request in range(3)]
    other = api_for("treasurer").get(url)

    assert codes == [200, 200, 429]
    assert other.status_code == 200


@pytest.mark.usefixtures("two_a_minute")
def test_the_429_says_when_to_try_again(world: World, api_for: ApiFor) -> None:
    url = reverse("api:organisation-list")
    client = api_for("project_coach")
    for _request in range(2):
        client.get(url)

    response = client.get(url)

    wait = int(response["Retry-After"])
    assert response.status_code == 429
    assert 0 < wait <= 60
