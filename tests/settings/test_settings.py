import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.samples import SAMPLES

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_database_connection_is_set_up_for_concurrent_users() -> None:
    if connection.vendor != "sqlite":
        # PostgreSQL: persistent connections, checked before each request.
        assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
        assert connection.settings_dict["CONN_MAX_AGE"] > 0
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert connection.settings_dict["OPTIONS"]["timeout"] >= 5


def test_the_sqlite_file_database_runs_in_wal_mode(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'wal.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "buurtwerkkamer.settings.development",
    }
    code = (
        "import django; django.setup();"
        "from django.db import connection;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(c.fetchone()[0])"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "wal"


def test_the_shared_samples_sit_beside_the_checkout() -> None:
    # The importers and the SEPA writer are tested against these real files; a
    # machine without them must fail here, plainly, rather than test nothing.
    assert (SAMPLES / "MANIFEST.md").is_file(), f"missing {SAMPLES}"
