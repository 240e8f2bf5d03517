"""The demo loaded once for the tests of this package (on each worker that runs
some): a load makes years of books, too slow to repeat for every module that
only looks at what it made."""

import datetime
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# A day in the middle of a year, so that the year before last, last year and the
# months of this year that have ended all hold something, whatever day the
# tests run on.
LOAD_DAY = datetime.date(2026, 9, 10)

DEMO_APPS = [
    "accounts",
    "access",
    "partners",
    "rooms",
    "people",
    "documents",
    "brokering",
    "startup",
    "finance",
    "meetings",
    "activities",
    "development",
    "teamwork",
    "mediation",
    "employer",
    "placements",
    "accountability",
]


def load_demo(*flags: str) -> str:
    out = StringIO()
    call_command("load_demo", *flags, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    """Rows per table of every app the demo fills, many-to-many tables included."""
    counts = {}
    for label in DEMO_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            counts[model._meta.db_table] = model._default_manager.count()
    return counts


@pytest.fixture(scope="package")
def demo_uploads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the module's demo stores its files."""
    return tmp_path_factory.mktemp("demo-uploads")


@pytest.fixture(scope="package")
def loaded_demo(
    django_db_setup: None, django_db_blocker: Any, demo_uploads: Path
) -> Iterator[str]:
    """The demo as loaded on LOAD_DAY, with what the command printed. It lives in
    a transaction of the package that is rolled back at its end; each test runs
    in a savepoint inside it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            noon = datetime.datetime.combine(LOAD_DAY, datetime.time(12))
            with (
                override_settings(DEBUG=True, MEDIA_ROOT=demo_uploads),
                time_machine.travel(noon.replace(tzinfo=datetime.UTC)),
            ):
                output = load_demo()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield output
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
