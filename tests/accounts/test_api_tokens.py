"""Personal API tokens: made on the account page with an expiry, the key shown once
and kept only as a digest, revocable; a token that is expired or revoked gets 401."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from buurtwerkkamer.accounts.models import ApiToken, User
from buurtwerkkamer.accounts.tokens import hash_key, issue_token, revoke_token
from tests.personas import World

TOKENS = reverse("accounts:api_tokens")
ROOMS = reverse("api:room-list")


@pytest.fixture
def volunteer(world: World) -> User:
    return world.users["volunteer"]


def api_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_new_token_is_valid_for_90_days_by_default(volunteer: User) -> None:
    token, _key = issue_token(volunteer, "script")

    assert token.expires - token.created == datetime.timedelta(days=90)


def test_a_token_is_valid_for_a_year_at_most(volunteer: User) -> None:
    with pytest.raises(ValidationError) as refusal:
        issue_token(volunteer, "script", days=366)

    assert list(refusal.value.error_dict) == ["days"]
    assert not ApiToken.objects.exists()


def test_only_a_digest_and_a_prefix_of_the_key_are_kept(volunteer: User) -> None:
    token, key = issue_token(volunteer, "script")

    stored = ApiToken.objects.values_list("key_hash", "prefix").get()

    assert stored == (hash_key(key), key[:10])
    assert key not in {token.key_hash, token.prefix}


def test_the_page_shows_the_new_key_once(client, volunteer: User) -> None:
    client.force_login(volunteer)

    made = client.post(TOKENS, {"name": "Rapport", "days": "30"})
    later = client.get(TOKENS)

    key = made.context["key"]
    token = ApiToken.objects.get(user=volunteer)
    assert token.key_hash == hash_key(key)
    assert key in made.content.decode()
    assert key not in later.content.decode()
    assert token.expires - token.created == datetime.timedelta(days=30)
    assert [t.name for t in later.context["page"]] == ["Rapport"]


def test_the_page_refuses_a_token_for_longer_than_a_year(
    client, volunteer: User
) -> None:
    client.force_login(volunteer)

    response = client.post(TOKENS, {"name": "Rapport", "days": "400"})

    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_the_page_lists_only_the_users_own_tokens(client, world: World) -> None:
    issue_token(world.users["board"], "board's")
    issue_token(world.users["volunteer"], "mine")
    client.force_login(world.users["volunteer"])

    response = client.get(TOKENS)

    assert [token.name for token in response.context["page"]] == ["mine"]


def test_a_working_token_authenticates_and_marks_its_last_use(
    volunteer: User,
) -> None:
    token, key = issue_token(volunteer, "script")

    response = api_with(key).get(ROOMS)

    token.refresh_from_db()
    assert response.status_code == 200
    assert [room["slug"] for room in response.json()["results"]] == ["thuis"]
    assert token.last_used is not None


def test_a_revoked_token_gets_401(client, volunteer: User) -> None:
    token, key = issue_token(volunteer, "script")
    client.force_login(volunteer)

    revoke = reverse("accounts:api_token_revoke", kwargs={"token_id": token.public_id})
    client.post(revoke)

    token.refresh_from_db()
    assert token.revoked is not None
    assert api_with(key).get(ROOMS).status_code == 401


def test_an_expired_token_gets_401(volunteer: User) -> None:
    _token, key = issue_token(volunteer, "script", days=1)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, seconds=1)):
        response = api_with(key).get(ROOMS)

    assert response.status_code == 401


def test_an_unknown_key_gets_401(world: World) -> None:
    assert api_with("bwk_not-a-key").get(ROOMS).status_code == 401


def test_a_token_of_a_deactivated_user_gets_401(volunteer: User) -> None:
    _token, key = issue_token(volunteer, "script")
    User.objects.filter(pk=volunteer.pk).update(is_active=False)

    assert api_with(key).get(ROOMS).status_code == 401


def test_revoking_twice_keeps_the_first_moment(volunteer: User) -> None:
    token, _key = issue_token(volunteer, "script")
    revoke_token(token)
    first = token.revoked

    revoke_token(token)

    assert token.revoked == first


def test_nobody_revokes_another_users_token(client, world: World) -> None:
    token, key = issue_token(world.users["board"], "board's")
    client.force_login(world.users["volunteer"])

    revoke = reverse("accounts:api_token_revoke", kwargs={"token_id": token.public_id})
    response = client.post(revoke)

    token.refresh_from_db()
    assert response.status_code == 404
    assert token.revoked is None
