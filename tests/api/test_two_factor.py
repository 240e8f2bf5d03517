"""Two-factor login cannot be skipped through the API: not with a session that did
not take its second step, not with a token handed out without the code."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from buurtwerkkamer.accounts.models import ApiToken, User
from buurtwerkkamer.accounts.tokens import hash_key, issue_token
from buurtwerkkamer.api.two_factor import (
    CONFIRM_FIRST,
    TOKEN_FROM_BEFORE,
    switch_on_first,
)

from ..factories import PASSWORD
from ..personas import World
from .conftest import ApiFor
from .test_auth import ask_token, current_code

ROOMS = reverse("api:room-list")


@pytest.fixture
def _required(settings: Settings) -> None:
    settings.BWK_REQUIRE_TWO_FACTOR = True


@pytest.fixture
def coach(world: World) -> User:
    return world.users["project_coach"]


@pytest.fixture
def device(coach: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=coach, name="app", confirmed=True)


def in_dutch(message: str) -> str:
    with translation.override("nl"):
        return str(message)


def session_for(user: User, device: TOTPDevice | None = None) -> APIClient:
    """A browser session; with a device, one that took its second step."""
    client = APIClient()
    client.force_login(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def test_a_session_without_its_second_step_is_refused(
    coach: User, device: TOTPDevice
) -> None:
    response = session_for(coach).get(ROOMS)

    assert response.status_code == 403
    assert response.json() == {"detail": in_dutch(CONFIRM_FIRST)}


def test_a_session_after_its_second_step_is_served(
    coach: User, device: TOTPDevice
) -> None:
    response = session_for(coach, device).get(ROOMS)

    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == ["thuis"]


def test_a_session_cannot_write_without_its_second_step(
    world: World, coach: User, device: TOTPDevice
) -> None:
    url = reverse("api:room-detail", kwargs={"slug": world.room.slug})

    response = session_for(coach).patch(url, {"name": "Overgenomen"}, format="json")

    world.room.refresh_from_db()
    assert response.status_code == 403
    assert world.room.name == "Kamer Thuis"


@pytest.mark.usefixtures("_required")
def test_a_session_of_a_role_that_must_use_two_factor_without_a_device_is_refused(
    coach: User,
) -> None:
    response = session_for(coach).get(ROOMS)

    assert response.status_code == 403
    assert response.json()["detail"] == in_dutch(switch_on_first())
    assert "/account/tweestaps/" in response.json()["detail"]


def test_without_the_requirement_a_session_without_a_device_is_served(
    coach: User,
) -> None:
    response = session_for(coach).get(ROOMS)

    assert response.status_code == 200


@pytest.mark.usefixtures("_required")
def test_a_role_that_must_use_two_factor_gets_no_token_without_a_device(
    coach: User,
) -> None:
    code, body = ask_token(coach.email, PASSWORD)

    assert code == 403
    assert body["detail"] == in_dutch(switch_on_first())
    assert not ApiToken.objects.filter(user=coach).exists()


@pytest.mark.usefixtures("_required")
def test_a_wrong_password_hears_nothing_of_two_factor(coach: User) -> None:
    code, body = ask_token(coach.email, "not-the-password")

    assert code == 400
    assert list(body) == ["non_field_errors"]


@pytest.mark.usefixtures("_required")
def test_a_role_that_must_use_two_factor_is_served_with_a_token_got_with_the_code(
    coach: User, device: TOTPDevice
) -> None:
    code, body = ask_token(coach.email, PASSWORD, otp_token=current_code(device))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")

    response = client.get(ROOMS)

    assert code == 200
    assert [row["slug"] for row in response.json()["results"]] == ["thuis"]


@pytest.mark.usefixtures("_required")
def test_a_volunteer_needs_no_second_factor_for_a_token(world: World) -> None:
    code, body = ask_token(world.users["volunteer"].email, PASSWORD)

    assert code == 200
    token = ApiToken.objects.get(user=world.users["volunteer"])
    assert token.key_hash == hash_key(body["token"])


@pytest.mark.usefixtures("_required")
def test_an_old_token_of_a_role_that_must_use_two_factor_is_refused_without_a_device(
    coach: User, api_for: ApiFor
) -> None:
    response = api_for("project_coach").get(ROOMS)

    assert response.status_code == 403
    assert response.json()["detail"] == in_dutch(switch_on_first())


@pytest.fixture
def token_from_before(coach: User, device: TOTPDevice) -> str:
    """The key of a token handed out a day before two-factor login was switched
    on."""
    token, key = issue_token(coach, "old")
    day_before = device.created_at - datetime.timedelta(days=1)
    ApiToken.objects.filter(pk=token.pk).update(created=day_before)
    return key


def test_a_token_from_before_two_factor_login_is_refused(
    token_from_before: str,
) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_from_before}")

    response = client.get(ROOMS)

    assert response.status_code == 403
    assert response.json() == {"detail": in_dutch(TOKEN_FROM_BEFORE)}


def test_asking_with_the_code_replaces_a_token_from_before_two_factor_login(
    coach: User, device: TOTPDevice, token_from_before: str
) -> None:
    code, body = ask_token(coach.email, PASSWORD, otp_token=current_code(device))
    old, new = APIClient(), APIClient()
    old.credentials(HTTP_AUTHORIZATION=f"Token {token_from_before}")
    new.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")

    assert code == 200
    assert body["token"] != token_from_before
    working = ApiToken.objects.get(user=coach, revoked__isnull=True)
    assert working.created > device.created_at
    assert (old.get(ROOMS).status_code, new.get(ROOMS).status_code) == (401, 200)


def test_a_token_from_after_two_factor_login_was_switched_on_is_served(
    coach: User, device: TOTPDevice
) -> None:
    token, key = issue_token(coach, "new")
    ApiToken.objects.filter(pk=token.pk).update(
        created=device.created_at + datetime.timedelta(seconds=1)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.get(ROOMS)

    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == ["thuis"]
