import shutil

import pytest
from django.conf import settings
from hypothesis import settings as hypothesis_settings

from .personas import World, build_world

# Speed is measured in the benchmark, not here: on a loaded two-core machine a single
# example may take longer than hypothesis' default 200 ms deadline.
hypothesis_settings.register_profile("bwk", deadline=None)
hypothesis_settings.load_profile("bwk")


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def _uploads_in_tmp(tmp_path, settings) -> None:  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture(scope="session", autouse=True)
def _clean_test_uploads() -> None:
    yield
    shutil.rmtree(settings.VAR_DIR / "test-uploads", ignore_errors=True)
