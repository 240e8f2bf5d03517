"""Production settings pass Django's deployment check, secrets come only from the
environment, and every page carries a strict Content Security Policy that the
templates keep to (no inline script, event handler or style)."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.personas import World

TEMPLATES = sorted((Path(settings.BASE_DIR) / "src").glob("**/templates/**/*.html"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)


def run_with_production_settings(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright in the same
    # process; a production environment never has it.
    clean = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    clean.update(DJANGO_SETTINGS_MODULE="buurtwerkkamer.settings.production", **env)
    return subprocess.run(  # noqa: S603  (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_check_passes_with_production_settings(tmp_path) -> None:
    result = run_with_production_settings(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="buurtwerkkamer.example.nl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path) -> None:
    result = run_with_production_settings(
        "check",
        ALLOWED_HOSTS="buurtwerkkamer.example.nl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY" in result.stderr


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize("path", ["accounts:login", "core:dashboard"])
def test_every_page_carries_a_strict_content_security_policy(
    client, world: World, path: str
) -> None:
    client.force_login(world.users["volunteer"])

    response = client.get(reverse(path), follow=True)

    assert directives(response["Content-Security-Policy"]) == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }


def test_pages_carry_the_security_headers(client, world: World) -> None:
    client.force_login(world.users["volunteer"])

    response = client.get(reverse("core:dashboard"))

    headers = {
        name: response[name]
        for name in (
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
            "X-Frame-Options",
        )
    }
    assert headers == {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }
    assert "camera=()" in response["Permissions-Policy"]


def test_the_api_documentation_loads_its_script_from_a_file(
    client, world: World
) -> None:
    client.force_login(world.users["volunteer"])

    page = client.get(reverse("api:docs")).content.decode()
    script = client.get(reverse("api:docs") + "?script=")

    assert not INLINE_SCRIPT.search(page)
    assert not STYLE_ELEMENT.search(page)
    assert script["Content-Type"].startswith("application/javascript")


def offenders(pattern: re.Pattern[str]) -> list[str]:
    return [
        str(path.relative_to(settings.BASE_DIR))
        for path in TEMPLATES
        if pattern.search(path.read_text())
    ]


def test_there_are_templates_to_check() -> None:
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize(
    "pattern",
    [INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE, STYLE_ELEMENT],
    ids=["inline script", "event handler", "style attribute", "style element"],
)
def test_no_template_has_what_the_policy_refuses(pattern: re.Pattern[str]) -> None:
    assert offenders(pattern) == []
