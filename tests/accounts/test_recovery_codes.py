"""Recovery codes: ten, shown once when two-factor login is switched on, each good
for one login instead of the app's code, replaced all at once on request."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.accounts.recovery import (
    make_recovery_codes,
    recovery_codes_left,
    use_recovery_code,
)
from tests.factories import PASSWORD
from tests.personas import World

SETUP = reverse("accounts:two_factor_setup")
VERIFY = reverse("accounts:two_factor_verify")
RECOVERY = reverse("accounts:two_factor_recovery")
SHOWN_CODE = re.compile(r"<code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</code>")


@pytest.fixture(autouse=True)
def _required(settings) -> None:
    settings.BWK_REQUIRE_TWO_FACTOR = True


@pytest.fixture
def coach(world: World) -> User:
    return world.users["project_coach"]


@pytest.fixture
def app(coach: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=coach, name="app", confirmed=True)


def logged_in_with_password(user: User) -> Client:
    client = Client()
    client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    return client


def verified(user: User, device: TOTPDevice) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def test_switching_two_factor_on_shows_ten_different_recovery_codes(
    client, coach: User
) -> None:
    client.force_login(coach)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coach)

    response = client.post(SETUP, {"code": f"{totp(device.bin_key):06d}"})

    codes = SHOWN_CODE.findall(response.content.decode())
    assert len(set(codes)) == 10
    assert recovery_codes_left(coach) == 10


def test_recovery_codes_are_kept_only_as_digests(coach: User) -> None:
    codes = make_recovery_codes(coach)

    stored = set(StaticToken.objects.values_list("token", flat=True))

    plain = {code.replace("-", "") for code in codes}
    assert len(stored) == 10
    assert not stored & plain
    assert all(re.fullmatch(r"[0-9a-f]{16}", token) for token in stored)


def test_a_recovery_code_completes_the_login_instead_of_the_app_code(
    coach: User, app: TOTPDevice
) -> None:
    code = make_recovery_codes(coach)[3]
    client = logged_in_with_password(coach)

    response = client.post(f"{VERIFY}?next=/kamers/", {"code": code.upper()})

    assert response["Location"] == "/kamers/"
    assert client.get(reverse("rooms:list")).status_code == 200
    assert recovery_codes_left(coach) == 9


def test_a_recovery_code_works_only_once(coach: User, app: TOTPDevice) -> None:
    code = make_recovery_codes(coach)[0]
    logged_in_with_password(coach).post(VERIFY, {"code": code})

    response = logged_in_with_password(coach).post(VERIFY, {"code": code})

    assert response.status_code == 400
    assert recovery_codes_left(coach) == 9


def test_a_code_that_is_not_one_of_theirs_does_not_log_in(
    coach: User, app: TOTPDevice
) -> None:
    make_recovery_codes(coach)
    client = logged_in_with_password(coach)

    response = client.post(VERIFY, {"code": "aaaa-bbbb-cccc"})

    assert response.status_code == 400
    assert client.get(reverse("rooms:list")).status_code == 302
    assert recovery_codes_left(coach) == 10


def test_the_stored_digest_is_no_code(coach: User, app: TOTPDevice) -> None:
    make_recovery_codes(coach)
    digest = StaticToken.objects.values_list("token", flat=True).first()

    response = logged_in_with_password(coach).post(VERIFY, {"code": digest})

    assert response.status_code == 400
    assert recovery_codes_left(coach) == 10


def test_new_recovery_codes_make_the_old_ones_stop_working(
    coach: User, app: TOTPDevice
) -> None:
    old = make_recovery_codes(coach)

    response = verified(coach, app).post(RECOVERY)

    new = SHOWN_CODE.findall(response.content.decode())
    assert len(new) == 10
    assert not set(new) & set(old)
    # The new one first: a wrong try makes the next one wait a second.
    assert use_recovery_code(coach, new[0]) is not None
    assert use_recovery_code(coach, old[0]) is None


def test_new_recovery_codes_keep_the_device_and_its_date(
    coach: User, app: TOTPDevice
) -> None:
    make_recovery_codes(coach)
    before = StaticDevice.objects.get(user=coach)

    make_recovery_codes(coach)

    after = StaticDevice.objects.get(user=coach)
    assert (after.pk, after.created_at) == (before.pk, before.created_at)


def test_the_recovery_page_says_how_many_codes_are_left(
    coach: User, app: TOTPDevice
) -> None:
    codes = make_recovery_codes(coach)
    use_recovery_code(coach, codes[0])
    use_recovery_code(coach, codes[1])

    response = verified(coach, app).get(RECOVERY)

    assert response.status_code == 200
    assert response.context["left"] == 8


def test_new_codes_need_the_second_step_first(coach: User, app: TOTPDevice) -> None:
    old = make_recovery_codes(coach)

    response = logged_in_with_password(coach).post(RECOVERY)

    assert response["Location"] == VERIFY
    assert use_recovery_code(coach, old[0]) is not None


def test_without_the_app_there_are_no_recovery_codes_to_make(
    client, coach: User
) -> None:
    client.force_login(coach)

    response = client.post(RECOVERY)

    assert response.context["without_app"] is True
    assert recovery_codes_left(coach) == 0
