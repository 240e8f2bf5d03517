"""Fill the database with a fictional cooperative to show or try the platform."""

import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.demo import loader
from buurtwerkkamer.demo.facts import PASSWORD
from buurtwerkkamer.demo.facts.people import LOGINS


class Command(BaseCommand):
    help = (
        "Load a fictional cooperative in Utrecht with a login for every role. "
        "A second run changes nothing; --reset empties the database and loads the "
        "demo afresh, but only where every login is a demo login."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty every table and load the demo again.",
        )
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even though DEBUG is off, as on a public demo server.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Every demo login shares a published password: never by accident on a
        # server that runs with production settings.
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "DEBUG is off: this looks like production. The demo logins share a "
                "published password; pass --allow-without-debug if you mean it."
            )
        if options["reset"]:
            self._reset()
        elif loader.is_loaded():
            self.stdout.write("The demo is loaded already; nothing was changed.")
            self._show_logins()
            return
        elif refusal := loader.load_refusal():
            raise CommandError(refusal)
        self._load()

    def _reset(self) -> None:
        if refusal := loader.reset_refusal():
            raise CommandError(refusal)
        loader.wipe()
        self.stdout.write("Database emptied.")

    def _load(self) -> None:
        started = time.monotonic()
        demo = loader.load(timezone.localdate())
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded in {seconds:.1f} s: {len(demo.rooms)} rooms, "
                f"{len(demo.organisations)} organisations, {len(demo.users)} logins."
            )
        )
        self._show_logins()

    def _show_logins(self) -> None:
        """One line per role with its first login; the other logins follow."""
        shown: set[str] = set()
        for role in Role:
            login = next(login for login in LOGINS if login.role == role)
            shown.add(login.key)
            self.stdout.write(f"{role.label!s:<28} {login.email:<46} {PASSWORD}")
        others = [login.email for login in LOGINS if login.key not in shown]
        self.stdout.write(f"Also with the same password: {', '.join(others)}")
