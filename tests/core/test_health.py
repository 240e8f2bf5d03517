"""The health endpoint answers monitoring without a login, and the application
starts under gunicorn with the production settings and answers it."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import DatabaseError, connection
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


@pytest.mark.django_db
def test_the_health_endpoint_says_the_database_answers(
    client, django_assert_num_queries
) -> None:
    with django_assert_num_queries(1):
        response = client.get(reverse("core:health"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_health_endpoint_answers_503_when_the_database_does_not(
    client, monkeypatch
) -> None:
    def broken() -> None:
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)

    response = client.get(reverse("core:health"))

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": False}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ask(url: str, deadline: float) -> tuple[int, dict[str, str], bytes]:
    # Sent as nginx passes it on: over HTTPS, for the configured host name.
    headers = {"X-Forwarded-Proto": "https"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_the_app_answers_under_gunicorn_with_production_settings(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "buurtwerkkamer.settings.production",
        "SECRET_KEY": "gunicorn-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "BWK_VAR_DIR": str(tmp_path),
        "BWK_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    server = subprocess.Popen(  # noqa: S603
        [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        status, headers, body = ask(
            f"http://127.0.0.1:{port}/gezond/", time.monotonic() + 60
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert status == 200
    assert body == b'{"status": "ok", "database": true}'
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
