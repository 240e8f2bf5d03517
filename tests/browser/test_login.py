"""Logging in with the e-mail address, in a real browser, with axe on every page."""

import pytest
from django.urls import reverse

from buurtwerkkamer.accounts.forms import LoginForm
from tests.factories import PASSWORD
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOGIN = reverse("accounts:login")
THEME_GREEN = "rgb(31, 111, 80)"


def test_the_login_page_is_dutch_and_styled_by_the_cooperative_theme(
    visitor: MakeVisitor, world: World
) -> None:
    person = visitor()

    response = person.open(LOGIN)

    assert response.status == 200
    assert person.page.get_attribute("html", "lang") == "nl"
    assert person.page.title() == f"{dutch('Log in')} · BuurtWerkKamer"
    header = person.page.locator("header.bwk-header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == THEME_GREEN
    token = "getComputedStyle(document.documentElement)"
    font = person.page.evaluate(
        f"{token}.getPropertyValue('--utrecht-document-font-family')"
    )
    assert font.strip() != ""


def test_a_wrong_password_shows_an_alert_and_keeps_the_visitor_out(
    visitor: MakeVisitor, world: World
) -> None:
    person = visitor()
    user = world.users["board"]

    response = person.log_in(user.email, "niet-het-goede-wachtwoord")

    assert response.status == 200
    expected = dutch(LoginForm.error_messages["invalid_login"])
    assert person.main("[role=alert]").inner_text().strip() == expected
    assert person.page.url == person.base_url + LOGIN
    assert person.main("[name=username]").input_value() == user.email
    assert person.main("[name=password]").input_value() == ""
    person.open("/")
    assert person.page.url == f"{person.base_url}{LOGIN}?next=/"


def test_the_right_password_lands_on_the_dashboard(
    visitor: MakeVisitor, world: World
) -> None:
    person = visitor()
    user = world.users["treasurer"]

    person.log_in(user.email, PASSWORD)

    assert person.page.url == person.base_url + "/"
    heading = person.main("h1").inner_text()
    assert heading == dutch("Good to see you, %(name)s", name=user.get_short_name())
    user_in_header = person.page.locator(".bwk-user span").inner_text()
    assert user_in_header == user.name
