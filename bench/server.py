"""The application as production runs it, on loopback, for the benchmark and the
load test: gunicorn with a worker per core, production settings without the
HTTPS redirect, and logins made beforehand (a session with its second factor
done, an API token) so that measuring never waits on password hashing."""

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


def production_env(database_url: str, var_dir: Path) -> dict[str, str]:
    """The environment of a production installation on loopback, plus BWK_BENCH
    for the bare page and the query header."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "buurtwerkkamer.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-" + "x" * 50,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "BWK_BENCH": "1",
        "BWK_VAR_DIR": str(var_dir),
        "PYTHONPATH": str(ROOT / "src"),
    }


def apply_env(env: dict[str, str]) -> None:
    os.environ.update(env)
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))


def prepare() -> None:
    """Tables, and the static files manifest that production settings expect."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [
        ROOT / "package-lock.json",
        *ROOT.glob("src/buurtwerkkamer/*/static/**/*"),
    ]
    newest = max(path.stat().st_mtime for path in sources if path.is_file())
    if manifest.exists() and manifest.stat().st_mtime > newest:
        return
    # Compressing every file takes minutes: done once, kept between runs. The
    # design tokens ship a stylesheet that points to an icon missing from the
    # package; no page uses it, and the manifest storage refuses to build with it.
    print("  collecting static files (minutes, once)", flush=True)
    call_command(
        "collectstatic",
        interactive=False,
        verbosity=0,
        ignore_patterns=["background-image-icon.css"],
    )


def start(env: dict[str, str], port: int, workers: int | None = None) -> Any:
    """gunicorn in the background; returns once it answers the bare page."""
    from django.db import connections

    connections.close_all()
    workers = workers or os.cpu_count() or 2
    process = subprocess.Popen(  # noqa: S603 (our own server, fixed arguments)
        [
            str(VENV_BIN / "gunicorn"),
            "buurtwerkkamer.wsgi:application",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "--timeout=120",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare/", timeout=2)  # noqa: S310
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("gunicorn stopped at start") from None
            time.sleep(0.3)
    stop(process)
    raise RuntimeError("gunicorn did not answer within a minute")


def stop(process: Any) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def login(user: Any) -> dict[str, str]:
    """A session as the login form and the second step leave it, a CSRF secret to
    post with, and an API token: the headers a client of that user sends."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    key = _api_key(user)
    csrf = secrets.token_hex(16)
    return {
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf}",
        "csrf": csrf,
        "token": key,
    }


def _api_key(user: Any) -> str:
    """A personal token where the accounts app issues them, else DRF's own."""
    try:
        from buurtwerkkamer.accounts.tokens import issue_token
    except ImportError:
        from rest_framework.authtoken.models import Token

        return str(Token.objects.get_or_create(user=user)[0].key)
    return issue_token(user, "bench")[1]
