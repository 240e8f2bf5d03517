from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from buurtwerkkamer.core.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded documents into one archive, "
        "while the application runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            default="",
            help="archive file or folder (default: BWK_VAR_DIR/backups/)",
        )

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        target = self._target(output)
        try:
            manifest = backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written to {target}: {sum(manifest['counts'].values())} rows, "
            f"{len(manifest['documents'])} documents."
        )
        for name in manifest["missing_documents"]:
            self.stderr.write(f"Missing on disk, not in the backup: {name}")

    def _target(self, output: str) -> Path:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        name = f"buurtwerkkamer-{stamp}.tar.gz"
        path = Path(output) if output else Path(settings.VAR_DIR) / "backups"
        if output and not path.is_dir():
            return path
        path.mkdir(parents=True, exist_ok=True)
        return path / name
