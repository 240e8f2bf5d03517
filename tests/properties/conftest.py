from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    # Refusals are recognised by their kind or their values here; a fixed language
    # keeps what a failing example prints readable.
    with translation.override("en"):
        yield
