from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from buurtwerkkamer.core.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an empty installation (migrated, no "
        "records, no uploads) and verify every document against its hash."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="the archive the backup command wrote")

    def handle(self, *args: Any, archive: str, **options: Any) -> None:
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No archive at {path}.")
        try:
            manifest = restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {sum(manifest['counts'].values())} rows and "
            f"{len(manifest['documents'])} documents from {path}; every hash checked."
        )
