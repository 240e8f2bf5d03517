"""Fifty users at once for a minute, reading and writing, against gunicorn with
production settings on loopback (issue 7): no request fails, every write the
server answered as saved is in the database, and petty cash stays under each
room's monthly allowance however many treasurers top it up at the same moment.

On SQLite (a file of its own) or on PostgreSQL (a database of its own, when
DATABASE_URL names one): `make test` runs it once on each."""

import logging
import os
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from tests.load import plan
from tests.load.installation import (
    PROXIES,
    Installation,
    load_database,
    serving,
)

logger = logging.getLogger(__name__)

# A minute of load keeps the suite well within its time on a two-core runner;
# BWK_LOAD_SECONDS makes it longer by hand.
LOAD_SECONDS = float(os.environ.get("BWK_LOAD_SECONDS", "60"))
# Far below what a two-core runner serves even while another test runs beside
# it (ten to twenty a second): fewer means the users were not working, and the
# other checks would prove nothing.
LEAST_REQUESTS = int(4 * LOAD_SECONDS)


@dataclass(frozen=True)
class Outcome:
    world: dict[str, Any]
    swarm: dict[str, Any]
    after: dict[str, Any]
    server_errors: list[str]
    log_lines: int


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    """One load for all the tests below: it takes a minute and a half."""
    tmp = tmp_path_factory.mktemp("load")
    began = time.monotonic()
    with pytest.MonkeyPatch.context() as patch:
        # bench/server.py asks the server whether it is up with urllib, which
        # would go through a proxy from the environment.
        for name in PROXIES:
            patch.delenv(name, raising=False)
        with load_database(tmp) as url:
            installation = Installation(url, tmp / "var")
            world = installation.build()
            built = time.monotonic()
            with serving(installation) as host:
                swarm = installation.swarm(host, LOAD_SECONDS)
            after = installation.count(swarm["saved"])
            log = installation.log.read_text(errors="replace").splitlines()
            result = Outcome(
                world, swarm, after, installation.server_errors(), len(log)
            )
    logger.info(
        "load on %s: %s",
        url.split(":", 1)[0],
        summary(result, built - began, time.monotonic() - began),
    )
    return result


def summary(result: Outcome, build_seconds: float, total_seconds: float) -> str:
    swarm = result.swarm
    saved = {kind: len(uuids) for kind, uuids in swarm["saved"].items()}
    return (
        f"{swarm['users']} users, {swarm['requests']} requests "
        f"({swarm['rps']}/s), {swarm['failures']} failed, median "
        f"{swarm['median_ms']} ms, 95% {swarm['p95_ms']} ms; saved {saved}, "
        f"{len(swarm['refused_top_ups'])} top-ups refused; load "
        f"{swarm['seconds']} s, build {build_seconds:.0f} s, all {total_seconds:.0f} s"
    )


def test_fifty_users_for_a_minute_get_no_failed_request(outcome: Outcome) -> None:
    swarm = outcome.swarm
    assert swarm["users"] == plan.USERS
    assert swarm["requests"] >= LEAST_REQUESTS
    assert (swarm["failures"], swarm["errors"]) == (0, [])
    assert swarm["exceptions"] == []


def test_every_request_went_to_loopback(outcome: Outcome) -> None:
    assert outcome.swarm["elsewhere"] == []


def test_every_write_answered_as_saved_is_in_the_database(outcome: Outcome) -> None:
    saved = outcome.swarm["saved"]
    written = {
        kind: outcome.after["stored"][kind] - outcome.world["seeded"][kind]
        for kind in plan.WRITE_KINDS
    }
    assert outcome.swarm["unanswered"] == 0
    assert all(saved[kind] for kind in plan.WRITE_KINDS)
    assert written == {kind: len(saved[kind]) for kind in plan.WRITE_KINDS}
    assert outcome.after["missing"] == dict.fromkeys(plan.WRITE_KINDS, 0)


def test_every_saved_session_is_stored_with_its_volunteer(outcome: Outcome) -> None:
    # Each session names one volunteer: the session and its volunteer row are
    # written in one transaction, or neither.
    assert outcome.after["volunteers"] == len(outcome.swarm["saved"]["sessions"])


def test_no_room_gets_more_top_ups_in_a_month_than_its_allowance(
    outcome: Outcome,
) -> None:
    allowance = outcome.after["allowance"]
    over = {
        key: total
        for key, total in load_months(outcome).items()
        if Decimal(total) > Decimal(allowance[key.split()[0]])
    }
    assert over == {}
    assert len(set(allowance.values())) == 2  # the lower allowance holds too


def test_the_treasurers_filled_months_and_were_refused_beyond_them(
    outcome: Outcome,
) -> None:
    # Without a full month the test above would prove nothing.
    allowance = outcome.after["allowance"]
    full = {
        key
        for key, total in load_months(outcome).items()
        if Decimal(total) + plan.TOP_UP > Decimal(allowance[key.split()[0]])
    }
    assert full
    assert outcome.swarm["refused_top_ups"]


def test_a_top_up_is_refused_only_when_the_month_would_pass_the_allowance(
    outcome: Outcome,
) -> None:
    # Months only fill up: a month that had room left at the end had it at
    # the moment of any refusal too.
    allowance = outcome.after["allowance"]
    months = load_months(outcome)
    wrongly = [
        (room, month)
        for room, month in outcome.swarm["refused_top_ups"]
        if Decimal(months.get(f"{room} {month}", "0")) + plan.TOP_UP
        <= Decimal(allowance[room])
    ]
    assert wrongly == []


def test_the_server_logged_no_error(outcome: Outcome) -> None:
    assert outcome.log_lines > 0  # the log is the server's: its workers wrote to it
    assert outcome.server_errors == []


def load_months(outcome: Outcome) -> dict[str, str]:
    """Each room's top-ups in the months the treasurers used: `<room> <month>`."""
    months = set(outcome.world["months"])
    return {
        key: total
        for key, total in outcome.after["topped_up"].items()
        if key.split()[1] in months
    }
