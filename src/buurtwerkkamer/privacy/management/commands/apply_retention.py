from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from buurtwerkkamer.privacy.tasks import retention


class Command(BaseCommand):
    help = "Enqueue the erasure of personal data past its retention (once a day)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--day", default="", help="YYYY-MM-DD instead of today")

    def handle(self, *args: Any, day: str, **options: Any) -> None:
        result = retention.enqueue(day=day)
        self.stdout.write(f"Retention enqueued as task {result.id}.")
