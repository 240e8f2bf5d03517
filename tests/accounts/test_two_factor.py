import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD
from tests.personas import World

SETUP = reverse("accounts:two_factor_setup")


@pytest.fixture(autouse=True)
def _required(settings) -> None:
    settings.BWK_REQUIRE_TWO_FACTOR = True


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


def test_a_coach_is_sent_to_set_up_two_factor_login(client, world: World) -> None:
    client.force_login(world.users["project_coach"])
    response = client.get(reverse("rooms:list"))
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_a_volunteer_is_not_forced_to_use_two_factor(client, world: World) -> None:
    client.force_login(world.users["volunteer"])
    assert client.get(reverse("rooms:list")).status_code == 200


@pytest.mark.parametrize(
    "role",
    [
        "board",
        "treasurer",
        "project_coach",
        "team_coordinator",
        "audit_committee",
        "accountant",
    ],
)
def test_every_role_that_sees_personal_data_or_money_must_set_up_two_factor(
    client, world: World, role: str
) -> None:
    client.force_login(world.users[role])

    response = client.get(reverse("core:dashboard"))

    assert (response.status_code, response["Location"]) == (302, SETUP)


@pytest.mark.parametrize("role", ["volunteer", "partner", "nobody"])
def test_roles_without_personal_data_or_money_are_not_forced(
    client, world: World, role: str
) -> None:
    client.force_login(world.users[role])

    assert client.get(reverse("core:dashboard")).status_code == 200


def test_the_first_right_code_switches_two_factor_on(client, world: World) -> None:
    client.force_login(world.users["project_coach"])
    assert b"<svg" in client.get(SETUP).content
    device = TOTPDevice.objects.get(user=world.users["project_coach"])
    response = client.post(SETUP, {"code": code_for(device)})
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("rooms:list")).status_code == 200


def test_a_user_with_a_device_gives_a_code_after_the_password(
    client, world: World
) -> None:
    coach = world.users["project_coach"]
    device = TOTPDevice.objects.create(user=coach, name="app", confirmed=True)
    client.post(
        reverse("accounts:login"), {"username": coach.email, "password": PASSWORD}
    )
    blocked = client.get(reverse("rooms:list"))
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(reverse("accounts:two_factor_verify"))
    verify = f"{reverse('accounts:two_factor_verify')}?next=/kamers/"
    response = client.post(verify, {"code": code_for(device)})
    assert response["Location"] == "/kamers/"
    assert client.get(reverse("rooms:list")).status_code == 200


def test_a_code_that_is_not_six_digits_is_refused(client, world: World) -> None:
    coach = world.users["project_coach"]
    TOTPDevice.objects.create(user=coach, name="app", confirmed=True)
    client.force_login(coach)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": "12ab"})
    assert response.status_code == 400


def test_a_wrong_code_leaves_two_factor_off(client, world: World) -> None:
    client.force_login(world.users["project_coach"])
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=world.users["project_coach"])
    wrong = "000000" if code_for(device) != "000000" else "111111"
    assert client.post(SETUP, {"code": wrong}).status_code == 400
    device.refresh_from_db()
    assert not device.confirmed
