"""The API fuzzed from its own OpenAPI schema (schemathesis): for every
operation, generated requests with the token of a role of each kind of scope get
no server error, and every answer has a status code, content type and body that
the schema documents. Every list holds a record of each kind in both rooms, so
the answers carry data to check. Examples are bounded to keep the run near a
minute per database."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from buurtwerkkamer.accounts.tokens import issue_token
from tests.access.test_every_url import samples
from tests.personas import build_world

# One role per kind of scope: the whole cooperative, finance only, one room as
# its coordinator and as a volunteer, one partner organisation, and no role.
ROLES = ["board", "treasurer", "team_coordinator", "volunteer", "partner", "nobody"]


def api_schema() -> schemathesis.BaseSchema:
    """The schema as the API serves it, read without a request."""
    spec = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(
        json.loads(OpenApiJsonRenderer().render(spec))
    )
    loaded.app = get_wsgi_application()
    return loaded


schema = api_schema()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def tokens(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, str]]:
    """One world for the whole module (building it per operation took most of
    the time), inside a transaction rolled back at the end; each operation's own
    test runs in a savepoint within it, so what one writes the next does not see."""
    # Requests go to the WSGI app itself, so, as Django's test client does, the
    # connection must not be closed between them: that would end the transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            samples(world, world.room)
            samples(world, world.other_room)
            yield {role: issue_token(world.users[role], "fuzz")[1] for role in ROLES}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_throttling() -> Iterator[None]:
    # Hundreds of requests a minute are the point here, not a client to slow down.
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=2,
    deadline=None,
    # A failure is shown as found: shrinking it took minutes for little gain.
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_role_gets_a_server_error_or_an_answer_outside_the_schema(
    case: schemathesis.Case, tokens: dict[str, str]
) -> None:
    for role in ROLES:
        cache.clear()
        case.call_and_validate(
            headers={"Authorization": f"Token {tokens[role]}"}, checks=CHECKS
        )
