"""One Chromium per test worker, a fresh context for each person in each test."""

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright
from pytest_django.live_server_helper import LiveServer

from .visitor import MakeVisitor, Visitor

# Playwright's sync API keeps an event loop running in the test thread, and Django
# refuses ORM calls from a thread with a running loop unless told this is safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def visitor(
    browser: Browser, live_server: LiveServer, request: pytest.FixtureRequest
) -> Iterator[MakeVisitor]:
    """Make one visitor per person in the test; each gets its own cookies."""
    visitors: list[Visitor] = []

    def make() -> Visitor:
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        context.set_default_timeout(10_000)
        name = f"{request.node.name}-{len(visitors) + 1}"
        visitors.append(Visitor(context, live_server.url, name))
        return visitors[-1]

    yield make
    unchecked = [page for each in visitors for page in each.close()]
    assert not unchecked, f"pages shown without an axe check: {unchecked}"
