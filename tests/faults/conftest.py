"""An installation of its own for each fault test, on a database that another
process can open: a migrated SQLite file (copied from one migrated once per
session), or pytest-django's PostgreSQL test database, emptied after the test."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "buurtwerkkamer.settings.test"


@dataclass
class Installation:
    url: str
    var: Path

    def env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": self.url,
            "BWK_VAR_DIR": str(self.var),
            **extra,
        }

    def run(self, step: str) -> dict[str, Any]:
        """Run a step to its end and return what it printed."""
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "tests.faults.child", step],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    def kill_inside(self, step: str, table: str) -> dict[str, Any]:
        """Start a step, wait until it has written to `table` inside its
        transaction, and kill it there with SIGKILL: no handler, no rollback
        by the process itself. Returns what it said at that point."""
        mark = self.var / f"{step}.mark"
        child = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.faults.child", step],
            cwd=ROOT,
            env=self.env(BWK_FAULT_HANG=table, BWK_FAULT_MARK=str(mark)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        try:
            while not mark.exists():
                if child.poll() is not None:
                    pytest.fail(f"{step} ended before the kill: {child.stderr}")
                if time.monotonic() > deadline:
                    pytest.fail(f"{step} never reached {table}")
                time.sleep(0.05)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        return json.loads(mark.read_text())


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("faults") / "template.sqlite3"
    blank = Installation(f"sqlite:///{path}", path.parent)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=blank.env(),
        check=True,
        timeout=300,
    )
    return path


@pytest.fixture
def installation(request: pytest.FixtureRequest, tmp_path: Path) -> Installation:
    if connection.vendor == "postgresql":
        # The test database (the tests are marked transactional there, so it is
        # emptied after each, not rolled back).
        db = connection.settings_dict
        login = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        url = f"postgres://{login}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    else:
        database = tmp_path / "db.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), database)
        url = f"sqlite:///{database}"
    installation = Installation(url, tmp_path / "var")
    installation.run("seed")
    return installation
