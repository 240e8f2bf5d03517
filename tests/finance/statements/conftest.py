from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    # The parsers' messages are matched in their English source text here; that a
    # Dutch translation exists for each is the catalogue test's job.
    with translation.override("en"):
        yield
