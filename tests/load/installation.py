"""The load test's installation, seen from the test: a database of its own, the
child processes that build, load and count it, and gunicorn with production
settings on a free loopback port (bench/server.py starts and stops it)."""

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
from bench.server import production_env, start, stop
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
# Whatever the machine has set: requests to loopback go straight to it.
PROXIES = tuple(
    name
    for proxy in ("http_proxy", "https_proxy", "all_proxy")
    for name in (proxy, proxy.upper())
)
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# More workers than a CI runner has cores, so that the top-ups of a round reach
# the database together and the room's row lock has something to hold back.
WORKERS = max(4, os.cpu_count() or 1)
# gunicorn's own failures and Django's log of a 500 (the project's log format).
SERVER_ERROR = re.compile(r"\[(ERROR|CRITICAL)\]| (ERROR|CRITICAL) |Traceback")


@dataclass(frozen=True)
class Installation:
    url: str
    var: Path

    @property
    def log(self) -> Path:
        return self.var / "gunicorn.log"

    def env(self) -> dict[str, str]:
        """The server's environment, for the server and for the processes that
        build and count: the same settings, database and secret key (a session
        made beforehand is signed with it)."""
        env = production_env(self.url, self.var)
        env.update(
            DJANGO_SETTINGS_MODULE="tests.load.settings",
            PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            # Nothing leaves the machine, not even a mail.
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            # bench/server.py leaves gunicorn's output to its parent; this
            # puts it, and every worker's stderr with Django's log, in a file.
            # The application is imported once, before the workers fork: on a
            # busy two-core runner they answer after seconds instead of twenty.
            GUNICORN_CMD_ARGS=(
                f"--error-logfile={self.log} --capture-output --preload"
            ),
        )
        for name in PROXIES:
            env.pop(name, None)
        return env

    def child(self, module: str, *args: str, timeout: float) -> str:
        """Run `python -m <module> <args>` to its end; return what it printed."""
        done = subprocess.run(  # noqa: S603 (our own modules, fixed arguments)
            [sys.executable, "-m", module, *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{module} {args[:1]} failed:\n{done.stderr[-4000:]}")
        return done.stdout

    def build(self) -> dict[str, Any]:
        (self.var / "static").mkdir(parents=True, exist_ok=True)
        world = self.var / "world.json"
        self.child("tests.load.world", "build", str(world), timeout=300)
        return json.loads(world.read_text())

    def swarm(self, host: str, seconds: float) -> dict[str, Any]:
        result = self.var / "swarm.json"
        self.child(
            "tests.load.swarm",
            str(self.var / "world.json"),
            host,
            str(seconds),
            str(result),
            timeout=seconds + 300,
        )
        return json.loads(result.read_text())

    def count(self, saved: dict[str, list[str]]) -> dict[str, Any]:
        saved_file = self.var / "saved.json"
        saved_file.write_text(json.dumps(saved))
        out = self.child("tests.load.world", "count", str(saved_file), timeout=120)
        return json.loads(out.strip().splitlines()[-1])

    def server_errors(self) -> list[str]:
        lines = self.log.read_text(errors="replace").splitlines()
        return [line for line in lines if SERVER_ERROR.search(line)]


@contextmanager
def load_database(tmp: Path) -> Iterator[str]:
    """A database the test may fill and throw away: a SQLite file in `tmp`, or,
    when DATABASE_URL names a PostgreSQL server, a database of its own there,
    test_load_<pid>, dropped afterwards whatever happened."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp / 'load.sqlite3'}"
        return
    server = urlsplit(url)
    if server.hostname not in LOOPBACK:
        raise RuntimeError(
            f"the load test runs on loopback only, not {server.hostname}"
        )
    name = f"test_load_{os.getpid()}"
    # Created and dropped from the server's own database, as Django does.
    admin = server._replace(path="/postgres").geturl()
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
        sql.Identifier(name)
    )
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(drop)
        connection.execute(create)
    try:
        yield server._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(drop)


@contextmanager
def serving(installation: Installation) -> Iterator[str]:
    """gunicorn on a free loopback port for as long as the block runs."""
    port = free_port()
    try:
        process = start(installation.env(), port, workers=WORKERS)
    except RuntimeError as error:
        log = installation.log
        said = log.read_text(errors="replace")[-4000:] if log.exists() else ""
        raise RuntimeError(f"{error}:\n{said}") from error
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
