"""A person at the keyboard: one browser context, one tab, and axe-core run on every
page that tab shows. A page that was left without its check fails the test at the
end, so a journey cannot skip one by accident."""

import os
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Frame,
    Locator,
    Page,
    Response,
)

from buurtwerkkamer.accounts.models import User

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """() => axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    resultTypes: ["violations"],
})"""
# Set to a folder to keep a full-page screenshot of every page checked.
SHOTS = os.environ.get("BWK_SCREENSHOTS", "")
ASSETS = {"stylesheet", "script", "image", "font"}


class Visitor:
    def __init__(self, context: BrowserContext, base_url: str, name: str) -> None:
        self.context = context
        self.base_url = base_url
        self.name = name
        # Loaded into every document up front: sending the 0.5 MB script again for
        # each page (add_script_tag) costs a quarter of a second a page.
        context.add_init_script(path=str(AXE_SCRIPT))
        self.page: Page = context.new_page()
        self.unchecked: list[str] = []
        self.pending = ""
        self.problems: list[str] = []
        self.shots = 0
        self.page.on("framenavigated", self._navigated)
        self.page.on("response", self._responded)
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on("console", self._console)

    def sign_in(self, user: User) -> None:
        """Start with a session of this user, as after logging in; the login form
        itself has its own tests."""
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": self.base_url}]
        )

    def log_in(self, email: str, password: str) -> Response:
        """Log in through the login form, as a person would."""
        self.open(reverse("accounts:login"))
        self.main("[name=username]").fill(email)
        self.main("[name=password]").fill(password)
        return self.submit()

    def open(self, path: str) -> Response:
        response = self.page.goto(self.base_url + path)
        assert response is not None, f"no answer for {path}"
        self.check()
        return response

    def press(self, target: Locator) -> Response:
        """Click something that loads a new page (a link or a submit button)."""
        return self.after(target.click)

    def submit(self, form: str = "form.bwk-form") -> Response:
        return self.press(self.main(f"{form} button[type=submit]"))

    def follow(self, url: str) -> Response:
        """Click the link on the page that leads to `url`."""
        return self.press(self.main(f'a[href="{url}"]'))

    def after(self, action: Callable[[], object]) -> Response:
        with self.page.expect_navigation() as navigation:
            action()
        self.check()
        return navigation.value

    def check(self) -> None:
        """Run axe-core on the page shown; any violation fails with a readable list."""
        if not self.page.evaluate("() => typeof axe !== 'undefined'"):
            self.page.add_script_tag(path=str(AXE_SCRIPT))
        result = self.page.evaluate(AXE_RUN)
        self._keep_screenshot()
        where = self.page.url
        self.pending = ""
        assert not self.problems, f"{where}: {self.problems}"
        assert not result["violations"], describe(where, result["violations"])

    def main(self, selector: str) -> Locator:
        return self.page.locator(f"main {selector}")

    def close(self) -> list[str]:
        """Close the browser context; return the pages it showed but never checked."""
        if self.pending:
            self.unchecked.append(self.pending)
        self.context.close()
        return self.unchecked

    def _navigated(self, frame: Frame) -> None:
        if frame.parent_frame is not None:
            return
        if self.pending:
            self.unchecked.append(self.pending)
        self.pending = frame.url

    def _responded(self, response: Response) -> None:
        if response.request.resource_type in ASSETS and response.status >= 400:
            self.problems.append(f"{response.status} {response.url}")

    def _console(self, message: ConsoleMessage) -> None:
        # What the Content Security Policy refuses (an inline script or style, a
        # source from elsewhere) Chromium reports on the console only.
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(message.text)

    def _keep_screenshot(self) -> None:
        if not SHOTS:
            return
        self.shots += 1
        path = Path(SHOTS) / f"{self.name}-{self.shots:02d}.png"
        self.page.screenshot(path=str(path), full_page=True)


def describe(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"      {line}" for line in summary.splitlines()[1:])
    return "\n".join(lines)


MakeVisitor = Callable[[], Visitor]
