from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from buurtwerkkamer.accounts.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "Enqueue today's deadline reminder mails (run once a day)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--day", default="", help="YYYY-MM-DD instead of today")

    def handle(self, *args: Any, day: str, **options: Any) -> None:
        result = send_deadline_reminders.enqueue(day=day)
        self.stdout.write(f"Reminders enqueued as task {result.id}.")
