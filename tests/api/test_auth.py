"""Getting a token and using it."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from buurtwerkkamer.accounts.models import ApiToken
from buurtwerkkamer.accounts.tokens import hash_key

from ..factories import PASSWORD
from ..personas import World

TOKEN_URL = reverse("api:token")


def ask_token(email: str, password: str, **extra: str) -> tuple[int, dict]:
    response = APIClient().post(
        TOKEN_URL, {"email": email, "password": password, **extra}, format="json"
    )
    return response.status_code, response.json()


def test_a_user_gets_their_token_for_email_and_password(world: World) -> None:
    user = world.users["volunteer"]

    code, body = ask_token(user.email.upper(), PASSWORD)

    assert code == 200
    assert ApiToken.objects.get(user=user).key_hash == hash_key(body["token"])


def test_a_wrong_password_gets_no_token(world: World) -> None:
    user = world.users["volunteer"]

    code, body = ask_token(user.email, "not-the-password")

    assert code == 400
    assert "non_field_errors" in body
    assert not ApiToken.objects.filter(user=user).exists()


def test_the_token_authenticates_requests_as_its_user(world: World) -> None:
    _code, body = ask_token(world.users["volunteer"].email, PASSWORD)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")

    response = client.get(reverse("api:room-list"))

    assert response.status_code == 200
    assert [room["slug"] for room in response.json()["results"]] == ["thuis"]


def test_a_request_without_credentials_is_unauthorised(world: World) -> None:
    response = APIClient().get(reverse("api:room-list"))

    assert response.status_code == 401


@pytest.fixture
def totp_device(world: World) -> TOTPDevice:
    return TOTPDevice.objects.create(
        user=world.users["team_coordinator"], name="app", confirmed=True
    )


def current_code(device: TOTPDevice) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def test_two_factor_accounts_get_no_token_without_their_code(
    totp_device: TOTPDevice,
) -> None:
    code, _body = ask_token(totp_device.user.email, PASSWORD)

    assert code == 400
    assert not ApiToken.objects.filter(user=totp_device.user).exists()


def test_two_factor_accounts_get_their_token_with_their_code(
    totp_device: TOTPDevice,
) -> None:
    code, body = ask_token(
        totp_device.user.email, PASSWORD, otp_token=current_code(totp_device)
    )

    assert code == 200
    assert ApiToken.objects.get(user=totp_device.user).key_hash == hash_key(
        body["token"]
    )


def test_after_five_failed_tries_even_the_right_password_gets_no_token(
    world: World,
) -> None:
    user = world.users["volunteer"]
    client = APIClient()
    for _attempt in range(5):
        client.post(TOKEN_URL, {"email": user.email, "password": "wrong"})

    response = client.post(TOKEN_URL, {"email": user.email, "password": PASSWORD})

    assert response.status_code == 429
    assert response.json()["detail"]
    assert not ApiToken.objects.filter(user=user).exists()


def test_an_unknown_api_address_answers_json_and_a_page_answers_html(
    client, world: World, api_for
) -> None:
    api = api_for("board")
    client.force_login(world.users["board"])

    from_api = api.get("/api/v1/activities/geen-uuid/")
    from_site = client.get("/bestaat-niet/")

    assert from_api.status_code == 404
    assert from_api["Content-Type"] == "application/json"
    assert from_api.json()["detail"]
    assert from_site.status_code == 404
    assert from_site["Content-Type"].startswith("text/html")
