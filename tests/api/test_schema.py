"""The OpenAPI schema and its documentation page."""

import os

from django.core.management import call_command
from django.test import Client
from django.urls import reverse


def test_the_schema_generates_and_validates_without_warnings() -> None:
    # The command raises on the first warning or validation error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", os.devnull)


def test_the_schema_describes_the_advance_action(db: None) -> None:
    response = Client().get(reverse("api:schema"), {"format": "json"})

    assert "/api/v1/rooms/{slug}/advance/" in response.json()["paths"]


def test_the_docs_page_loads_swagger_ui_from_our_own_static_files(db: None) -> None:
    response = Client().get(reverse("api:docs"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()
