"""The users of the load test, run by locust as a library in a process of its
own: `python -m tests.load.swarm <world.json> <host> <seconds> <result.json>`.

Its own process because importing locust patches the interpreter for gevent
(sockets, threads, time), which neither pytest-xdist's worker nor Django's
database drivers expect. It needs no Django: what it writes down (each saved
record's UUID, each refused top-up) is checked against the database afterwards.

Team coordinators record sessions and expenses and read their room; treasurers
top up petty cash in rounds, several of them on one room and month at the same
moment, and read the finance pages. Every request goes to the host given, on
loopback."""

import itertools
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import gevent
from gevent.event import Event
from locust import HttpUser, between, events, task
from locust.clients import ResponseContextManager
from locust.env import Environment
from locust.exception import StopUser
from locust.runners import Runner
from PIL import Image

from tests.load import plan

# Once the time is up, the answers still due are waited for this long.
STOP_TIMEOUT = 60
# A request that waits this long has failed, whatever the server does after.
REQUEST_TIMEOUT = 60
# Fifteen minutes apart: the slots of a day in which a coordinator records the
# sessions of their activity, going back a day once a day is full.
SLOTS_PER_DAY = 96
# How long a round of top-ups waits for treasurers to join it (see Rush).
ROUND_SECONDS = 1.5

SAVED: dict[str, list[str]] = {kind: [] for kind in plan.WRITE_KINDS}
REFUSED_TOP_UPS: list[list[str]] = []
ELSEWHERE: list[str] = []
IN_FLIGHT = [0]
CLOSING = [False]
SPAWNED = [0]


class Member(HttpUser):
    """A logged-in user: a session cookie for the pages (second step done), a
    token for the API, and nothing from the environment (no proxy)."""

    abstract = True
    wait_time = between(0.5, 1.5)
    logins: ClassVar[Iterator[dict[str, Any]]]
    world: ClassVar[dict[str, Any]]

    def on_start(self) -> None:
        self.client.trust_env = False
        self.login = next(self.logins)
        self.today = date.fromisoformat(self.world["today"])

    def page(self, path: str, name: str) -> None:
        self.read(path, name, {"Cookie": self.login["cookie"]})

    def api(self, path: str, name: str) -> None:
        self.read(path, name, {"Authorization": f"Token {self.login['token']}"})

    def read(self, path: str, name: str, headers: dict[str, str]) -> None:
        with self.send("GET", path, name, headers) as response:
            if response.status_code != 200:
                fail(response)

    def save(
        self,
        kind: str,
        path: str,
        refused: Callable[[ResponseContextManager], bool] = lambda _: False,
        **body: Any,
    ) -> None:
        """Post a new record; keep its UUID when the answer says it was saved.
        `refused` tells a refusal the rules call for from a failure."""
        token = {"Authorization": f"Token {self.login['token']}"}
        with self.send("POST", path, path, token, **body) as response:
            if response.status_code == 201:
                SAVED[kind].append(response.json()["uuid"])
            elif refused(response):
                response.success()
            else:
                fail(response)

    @contextmanager
    def send(
        self, method: str, path: str, name: str, headers: dict[str, str], **body: Any
    ) -> Iterator[ResponseContextManager]:
        """One request, its answer checked by the caller. A redirect is no
        success: to the login page it would hide a session that stopped
        counting. Once the time is up the user sends nothing more and stops;
        a request sent stays in IN_FLIGHT until its answer is in, so that the
        swarm ends only when every write has its answer (one cut off between
        the server's commit and its answer would look lost)."""
        if CLOSING[0]:
            raise StopUser()
        IN_FLIGHT[0] += 1
        with self.client.request(
            method,
            path,
            name=name,
            headers=headers,
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
            catch_response=True,
            **body,
        ) as response:
            IN_FLIGHT[0] -= 1
            yield response


class Coordinator(Member):
    """A team coordinator: sessions of their own activity, expenses of their
    room with a receipt no one handed in before, and the room's pages."""

    fixed_count = plan.COORDINATORS

    def on_start(self) -> None:
        super().on_start()
        self.slots = itertools.count()
        self.room = self.login["room"]

    @task(3)
    def dashboard(self) -> None:
        self.page("/", "/")

    @task(2)
    def room_page(self) -> None:
        self.page(f"/kamers/{self.room}/", "/kamers/[room]/")

    @task(2)
    def activities_page(self) -> None:
        self.page(f"/activiteiten/kamer/{self.room}/", "/activiteiten/kamer/[room]/")

    @task(2)
    def session_list(self) -> None:
        self.api(f"/api/v1/sessions/?room={self.room}", "/api/v1/sessions/")

    @task(1)
    def expense_list(self) -> None:
        self.api(f"/api/v1/expenses/?room={self.room}", "/api/v1/expenses/")

    @task(3)
    def record_session(self) -> None:
        slot = next(self.slots)
        held_on = self.today - timedelta(days=slot // SLOTS_PER_DAY)
        minutes = slot % SLOTS_PER_DAY * 15
        volunteer = {"person": random.choice(self.login["people"]), "hours": "2.00"}
        self.save(
            "sessions",
            "/api/v1/sessions/",
            json={
                "activity": self.login["activity"],
                "held_on": held_on.isoformat(),
                "starts_at": f"{minutes // 60:02d}:{minutes % 60:02d}",
                "visitors": random.randint(0, 30),
                "volunteers": [volunteer],
            },
        )

    @task(2)
    def record_expense(self) -> None:
        self.save(
            "expenses",
            "/api/v1/expenses/",
            data={
                "room": self.room,
                "spent_on": self.today.isoformat(),
                "amount": f"{random.randint(1, 100) / 100:.2f}",
                "description": "Koffie en thee",
                "category": random.choice("ABCDEF"),
            },
            files={"receipt": ("bon.png", receipt(), "image/png")},
        )


class Rush:
    """The treasurers' top-ups in rounds, as the parallel-approval test of
    tests/finance sends them with a barrier: the first treasurer who wants to
    top up opens a round of one room and month, whoever else wants to within
    ROUND_SECONDS joins it, and then all of them post at once. A round of
    three or more asks for more than the month has left, so without the
    room's lock the approvals that meet at the database would all be saved."""

    def __init__(self) -> None:
        self.round: Event | None = None
        self.target = ("", "")

    def join(self) -> tuple[str, str]:
        """The room and month of this treasurer's round, once it closes."""
        round_, target = self.round, self.target
        if round_ is None:
            round_ = self.round = Event()
            target = self.target = (
                random.choice(Member.world["rooms"]),
                random.choice(Member.world["months"]),
            )
            gevent.sleep(ROUND_SECONDS)
            self.round = None
            round_.set()
        else:
            round_.wait()
        return target


RUSH = Rush()


class Treasurer(Member):
    """A treasurer topping up the rooms' petty cash, in rounds with the others
    (see Rush), and reading the finance pages in between."""

    fixed_count = plan.TREASURERS

    @task(1)
    def dashboard(self) -> None:
        self.page("/", "/")

    @task(1)
    def petty_cash_page(self) -> None:
        self.page("/financien/handgeld/", "/financien/handgeld/")

    @task(1)
    def room_cash_page(self) -> None:
        room = random.choice(self.world["rooms"])
        self.page(f"/financien/kamer/{room}/", "/financien/kamer/[room]/")

    @task(1)
    def transfer_list(self) -> None:
        month = random.choice(self.world["months"])
        self.api(f"/api/v1/transfers/?month={month}", "/api/v1/transfers/")

    @task(1)
    def room_list(self) -> None:
        self.api("/api/v1/rooms/", "/api/v1/rooms/")

    @task(10)
    def top_up(self) -> None:
        room, month = RUSH.join()

        def over_the_cap(response: ResponseContextManager) -> bool:
            # The cap's refusal is the only rule about the request as a whole
            # these rooms can break; the test checks afterwards that the month
            # was indeed full.
            if response.status_code != 400:
                return False
            if set(response.json()) != {"non_field_errors"}:
                return False
            REFUSED_TOP_UPS.append([room, month])
            return True

        self.save(
            "transfers",
            "/api/v1/transfers/",
            over_the_cap,
            json={"room": room, "month": month, "amount": str(plan.TOP_UP)},
        )


def fail(response: ResponseContextManager) -> None:
    response.failure(f"{response.status_code} {response.text[:300]}")


def receipt() -> bytes:
    """A tiny PNG of random pixels: a receipt no one handed in before."""
    image = Image.frombytes("RGB", (4, 4), random.randbytes(48))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@events.request.add_listener
def on_request(url: str | None = None, **_kwargs: Any) -> None:
    if url is None or urlsplit(url).hostname != "127.0.0.1":
        ELSEWHERE.append(str(url))


@events.spawning_complete.add_listener
def on_spawned(user_count: int, **_kwargs: Any) -> None:
    SPAWNED[0] = user_count


def swarm(world: dict[str, Any], host: str, seconds: float) -> dict[str, Any]:
    """Run every user for `seconds`, then wait for the answers still due;
    return the figures locust kept and what the users wrote down."""
    if urlsplit(host).hostname != "127.0.0.1":
        raise SystemExit(f"only loopback is loaded, not {host}")
    Member.world = world
    Coordinator.logins = iter(world["coordinators"])
    Treasurer.logins = iter(world["treasurers"])
    env = Environment(user_classes=[Coordinator, Treasurer], host=host, events=events)
    runner = env.create_local_runner()
    started = time.monotonic()
    runner.start(plan.USERS, spawn_rate=plan.USERS)
    gevent.spawn(close, runner, started + seconds)
    runner.greenlet.join()
    return {
        **figures(env),
        "seconds": round(time.monotonic() - started, 1),
        "users": SPAWNED[0],
        "exceptions": [row["msg"] for row in runner.exceptions.values()],
        "saved": SAVED,
        "refused_top_ups": REFUSED_TOP_UPS,
        "elsewhere": ELSEWHERE[:10],
        "unanswered": IN_FLIGHT[0],
    }


def close(runner: Runner, end: float) -> None:
    """At `end` (monotonic; gevent's own timers may fire early on a busy
    machine) no user sends another request, and once every request sent has
    its answer, or STOP_TIMEOUT has passed, the users stop."""
    while time.monotonic() < end:
        gevent.sleep(min(1.0, end - time.monotonic()))
    CLOSING[0] = True
    deadline = time.monotonic() + STOP_TIMEOUT
    while IN_FLIGHT[0] and time.monotonic() < deadline:
        gevent.sleep(0.1)
    runner.quit()


def figures(env: Environment) -> dict[str, Any]:
    total = env.stats.total
    return {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "median_ms": total.median_response_time,
        "p95_ms": total.get_response_time_percentile(0.95),
        "rps": round(total.total_rps, 1),
        "errors": [
            f"{error.occurrences}x {error.method} {error.name}: {error.error}"
            for error in env.stats.errors.values()
        ][:20],
        "per_name": {
            f"{entry.method} {entry.name}": [
                entry.num_requests,
                entry.num_failures,
                entry.median_response_time,
                entry.get_response_time_percentile(0.95),
            ]
            for entry in env.stats.entries.values()
        },
    }


if __name__ == "__main__":
    world_file, host, seconds, out = sys.argv[1:5]
    world = json.loads(Path(world_file).read_text())
    Path(out).write_text(json.dumps(swarm(world, host, float(seconds))))
