import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

LOGIN = "/account/inloggen/"
pytestmark = pytest.mark.django_db


def test_a_user_logs_in_with_the_email_address_in_any_case(client) -> None:
    UserFactory(email="anna@example.nl")
    response = client.post(LOGIN, {"username": "Anna@Example.NL", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")


def test_a_wrong_password_is_refused_with_a_message(client) -> None:
    UserFactory(email="anna@example.nl")
    response = client.post(LOGIN, {"username": "anna@example.nl", "password": "fout"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_throttled_after_five_attempts(client) -> None:
    UserFactory(email="anna@example.nl")
    for _attempt in range(5):
        client.post(LOGIN, {"username": "anna@example.nl", "password": "fout"})
    response = client.post(LOGIN, {"username": "anna@example.nl", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_by_mail(client) -> None:
    UserFactory(email="anna@example.nl")
    client.post(reverse("accounts:password_reset"), {"email": "anna@example.nl"})
    assert len(mail.outbox) == 1
    assert "/account/wachtwoord-herstellen/" in mail.outbox[0].body


def test_password_reset_for_an_unknown_address_sends_nothing(client) -> None:
    response = client.post(
        reverse("accounts:password_reset"), {"email": "x@example.nl"}
    )
    assert response.status_code == 302
    assert mail.outbox == []


def test_logout_ends_the_session(client) -> None:
    client.force_login(UserFactory())
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_a_weak_password_is_refused_by_the_validators(client) -> None:
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
