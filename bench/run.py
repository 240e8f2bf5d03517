"""`make bench`: a large installation (bench/build.py) served by gunicorn with
production settings on loopback, its main pages for every role and its API lists
measured side by side with a bare Django page of the same server, the yearly
exports and annual reports, and the 10,000-entry CAMT.053 import and the SEPA
run for every room (bench/finance.py) on the same data. One run per database;
`--report` prints the runs side by side.

Every request to a page is followed by one to the bare page, logged in as the
same user, and a page's ratio is to the bare page measured alongside it: on a
machine shared with other work, two figures taken in the same seconds compare.

    DATABASE_URL=sqlite:///var/bench/large.sqlite3 python bench/run.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python bench/run.py
    python bench/run.py --report

BENCH_ROOMS=30 BENCH_YEARS=2 BENCH_REPEAT=3 make a small run for trying things;
the table says the scale of each run.
"""

import http.client
import json
import logging
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import build, finance, server  # noqa: E402

OUT = ROOT / "var" / "bench"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
WARM_UP = 2
REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
# An export or a PDF takes seconds: fewer rounds of those.
EXPORT_REPEAT = min(REPEAT, 3)
BARE = "/bench/bare/"
ROOM = "kamer-000"
YEAR = date.today().year
# Where a page is this many times the bare page or more, the table says so.
SLOW = 10
# gunicorn's own failures and Django's log of a 500, as the load test reads them.
SERVER_ERROR = re.compile(r"\[(ERROR|CRITICAL)\]| (ERROR|CRITICAL) |Traceback")

# The main pages of every role: (role, URL name, arguments).
PAGES: list[tuple[str, str, dict[str, Any]]] = [
    *(
        (role, "core:dashboard", {})
        for role in (
            "board",
            "treasurer",
            "project_coach",
            "team_coordinator",
            "volunteer",
            "audit_committee",
            "accountant",
            "partner",
        )
    ),
    ("board", "rooms:list", {}),
    ("board", "rooms:detail", {"room": ROOM}),
    ("team_coordinator", "rooms:detail", {"room": ROOM}),
    ("board", "partners:list", {}),
    ("board", "people:list", {}),
    ("treasurer", "people:register", {}),
    ("treasurer", "finance:overview", {}),
    ("audit_committee", "finance:overview", {}),
    ("treasurer", "finance:petty_cash", {}),
    ("treasurer", "finance:batches", {}),
    ("team_coordinator", "finance:room", {"room": ROOM}),
    ("treasurer", "finance:room_year", {"room": ROOM, "year": YEAR - 1}),
    ("team_coordinator", "finance:room_year", {"room": ROOM, "year": YEAR}),
    ("treasurer", "finance:bank_statements", {}),
    ("treasurer", "finance:bank_room", {"room": ROOM}),
    ("treasurer", "finance:bank_cooperative", {}),
    ("accountant", "finance:journal", {}),
    ("treasurer", "finance:fixed_costs", {"room": ROOM}),
    ("treasurer", "finance:fixed_cost_templates", {}),
    ("treasurer", "finance:budget", {"room": ROOM}),
    ("board", "brokering:annual_overview", {}),
    ("project_coach", "brokering:room", {"room": ROOM}),
    ("partner", "brokering:room", {"room": ROOM}),
    ("board", "activities:overview", {}),
    ("project_coach", "activities:overview", {}),
    ("volunteer", "activities:room", {"room": ROOM}),
    ("team_coordinator", "activities:room_figures", {"room": ROOM}),
    ("team_coordinator", "activities:activity", {"activity": "first"}),
    ("board", "meetings:all", {}),
    ("project_coach", "meetings:all", {}),
    ("team_coordinator", "meetings:room", {"room": ROOM}),
    ("board", "development:index", {}),
    ("team_coordinator", "development:room", {"room": ROOM}),
    ("project_coach", "startup:track", {"room": ROOM}),
]
# The API lists, each as the board (everything) and as a team coordinator.
API_ROLES = ("board", "team_coordinator")
# A year of the books as the accountant downloads it, and annual reports as
# compiled for a room and for the whole cooperation, in PDF.
EXPORTS: list[tuple[str, str, dict[str, Any]]] = [
    ("accountant", "finance:journal_csv", {"year": YEAR - 1}),
    ("accountant", "finance:journal_xaf", {"year": YEAR - 1}),
    ("treasurer", "accountability:report", {"report": ROOM}),
    ("treasurer", "accountability:pdf", {"report": ROOM}),
    ("treasurer", "accountability:pdf", {"report": "cooperation"}),
]


class Client:
    """One keep-alive connection, as a browser holds it."""

    def __init__(self, headers: dict[str, str]) -> None:
        self.headers = headers
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)

    def get(self, path: str) -> tuple[float, int, int | None]:
        started = time.perf_counter()
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        queries = response.getheader("X-Queries")
        return elapsed, response.status, int(queries) if queries else None


def measure(
    client: Client, path: str, repeat: int = REPEAT, session: Client | None = None
) -> dict[str, Any]:
    """Median and 95th percentile of `path`, and its ratio to the bare page
    requested after it each time, logged in as the same user (`session`, for an
    API client whose token the bare page does not read)."""
    session = session or client
    for _ in range(WARM_UP):
        client.get(path)
        session.get(BARE)
    runs, bare = [], []
    for _ in range(repeat):
        runs.append(client.get(path))
        bare.append(session.get(BARE)[0])
    times = sorted(run[0] for run in runs)
    median, bare_median = statistics.median(times), statistics.median(bare)
    return {
        "path": path,
        "status": runs[-1][1],
        "median_ms": round(median * 1000, 2),
        "p95_ms": round(times[max(0, round(0.95 * len(times)) - 1)] * 1000, 2),
        "queries": runs[-1][2],
        "bare_ms": round(bare_median * 1000, 2),
        "ratio": round(median / bare_median, 1),
    }


Target = tuple[str, str, str, int]


def targets() -> list[Target]:
    """(row label, role, path, rounds) of every page, API list and export."""
    from django.urls import reverse

    from buurtwerkkamer.api.urls import router

    rows = [*_pages(PAGES, REPEAT), *_pages(EXPORTS, EXPORT_REPEAT)]
    for _prefix, _viewset, basename in router.registry:
        path = reverse(f"api:{basename}-list")
        for role in API_ROLES:
            rows.append((f"api {path} ({role})", role, path, REPEAT))
    return rows


def _pages(pages: list[tuple[str, str, dict[str, Any]]], repeat: int) -> list[Target]:
    from django.urls import NoReverseMatch, reverse

    rows = []
    for role, name, kwargs in pages:
        label = f"{name} {' '.join(str(v) for v in kwargs.values())}".strip()
        try:
            path = reverse(name, kwargs=_resolved(kwargs))
        except NoReverseMatch:
            print(f"  no page {name}: skipped", flush=True)
            continue
        rows.append((f"page {label} ({role})", role, path, repeat))
    return rows


def _resolved(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The records a page is about, by the name the page list gives them: the
    room's first activity, last year's annual report of the room or of the
    cooperation (a draft, made here as the board's generate button makes it)."""
    from buurtwerkkamer.accountability.route import open_report
    from buurtwerkkamer.activities.models import Activity
    from buurtwerkkamer.rooms.models import Room

    if kwargs.get("activity") == "first":
        first = Activity.objects.filter(room__slug=ROOM).order_by("pk").first()
        return {"activity": first.uuid if first else None}
    if "report" in kwargs:
        room = None
        if kwargs["report"] != "cooperation":
            room = Room.objects.get(slug=kwargs["report"])
        return {"report": open_report(YEAR - 1, room)[0].uuid}
    return kwargs


def serve_and_measure(
    world: build.Installation, env: dict[str, str], log: Path
) -> list[dict]:
    started = time.perf_counter()
    logins = {role: server.login(user) for role, user in world.users.items()}
    log.unlink(missing_ok=True)
    # The server's log in a file, as the load test keeps it: a PDF alone writes
    # dozens of lines, and the table must stay readable.
    env = {**env, "GUNICORN_CMD_ARGS": f"--error-logfile={log} --capture-output"}
    process = server.start(env, PORT)
    print(f"  logged in and started in {time.perf_counter() - started:.1f} s")
    try:
        bare = measure(Client({"Cookie": logins["board"]["cookie"]}), BARE)
        rows = [{"name": "bare Django page (board)", **bare}]
        clients: dict[str, Client] = {}
        for label, role, path, repeat in targets():
            if role not in clients:
                clients[role] = Client({"Cookie": logins[role]["cookie"]})
                clients[f"api {role}"] = Client(
                    {"Authorization": f"Token {logins[role]['token']}"}
                )
            client = clients[f"api {role}" if path.startswith("/api/") else role]
            figures = measure(client, path, repeat, clients[role])
            rows.append({"name": label, **figures})
            print(f"  {_line(rows[-1])}", flush=True)
    finally:
        server.stop(process)
    errors = [
        line for line in log.read_text().splitlines() if SERVER_ERROR.search(line)
    ]
    if errors:
        print(f"  {len(errors)} errors in {log}, the first: {errors[0]}", flush=True)
    return rows


def finance_work(world: build.Installation, bare_ms: float) -> list[dict]:
    """The import and the SEPA run of bench/finance.py, on the large data."""
    results: dict[str, float] = {}
    logging.disable(logging.INFO)  # a log line per room would bury the table
    finance._import(results, world.rooms[1], world.users["treasurer"])
    finance._petty_cash(
        results, world.rooms, world.users["treasurer"], world.users["second_board"]
    )
    return [
        {
            "name": step,
            "median_ms": round(seconds * 1000, 1),
            "p95_ms": None,
            "queries": None,
            "status": "done",
            "bare_ms": bare_ms,
            "ratio": round(seconds * 1000 / bare_ms, 1),
        }
        for step, seconds in results.items()
    ]


def _line(row: dict[str, Any]) -> str:
    def cell(value: Any, unit: str = "") -> str:
        return "-" if value is None else f"{value}{unit}"

    ratio = row.get("ratio")
    flag = " SLOW" if ratio is not None and ratio >= SLOW else ""
    return (
        f"{row['name'][:70]:<70} {cell(row['median_ms']):>9} {cell(row['p95_ms']):>9} "
        f"{cell(row['queries']):>5} {cell(ratio, 'x'):>8} {row['status']}{flag}"
    )


def run(database_url: str, vendor: str) -> dict[str, Any]:
    env = server.production_env(database_url, OUT / "files")
    server.apply_env(env)
    finance.fresh_database(database_url)
    import django

    django.setup()
    server.prepare()
    steps: dict[str, float] = {}

    def timed(step: str, work: Callable[[], Any]) -> Any:
        return finance.timed(step, steps, work)

    world = build.build(timed)
    print(f"  {sum(world.counts.values())} records", flush=True)
    rows = serve_and_measure(world, env, OUT / f"server-{vendor}.log")
    # The finance work runs in this process, not the server: its figures are
    # compared with the bare page over the whole run.
    bare_ms = statistics.median(row["bare_ms"] for row in rows)
    rows += finance_work(world, round(bare_ms, 2))
    return {
        "vendor": vendor,
        "rooms": build.ROOMS,
        "years": build.YEARS,
        "repeat": REPEAT,
        "export_repeat": EXPORT_REPEAT,
        "build_s": steps,
        "counts": world.counts,
        "rows": rows,
    }


def report() -> None:
    """Every run side by side: median, 95th percentile, queries, ratio; and all
    of them in one JSON file."""
    runs = [json.loads(path.read_text()) for path in sorted(OUT.glob("large-*.json"))]
    if not runs:
        sys.exit(f"No run in {OUT}: run bench/run.py first.")
    names = list(dict.fromkeys(row["name"] for run in runs for row in run["rows"]))
    header = "".join(f" | {run['vendor']:^34}" for run in runs)
    print(f"{'':<62}{header}")
    print(f"{'':<62}" + " | median ms   p95 ms  queries  ratio" * len(runs))
    for name in names:
        cells = ""
        for run in runs:
            row = next((r for r in run["rows"] if r["name"] == name), None)
            cells += " | " + _cells(row)
        print(f"{name[:62]:<62}{cells}")
    print(f"! = {SLOW} times the bare page or more; times in ms, the finance work once")
    for run in runs:
        total = sum(run["build_s"].values())
        print(
            f"{run['vendor']}: {run['rooms']} rooms, {run['years']} years, "
            f"{sum(run['counts'].values())} records built in {total:.0f} s; "
            f"{run['repeat']} requests a page, {run['export_repeat']} an export"
        )
    combined = OUT / "bench.json"
    combined.write_text(json.dumps({run["vendor"]: run for run in runs}, indent=2))
    print(f"as JSON: {combined}")


def _cells(row: dict[str, Any] | None) -> str:
    if row is None:
        return f"{'-':^34}"
    if row["median_ms"] is None:
        return f"{row['status']:^34}"
    p95 = "-" if row["p95_ms"] is None else f"{row['p95_ms']:.1f}"
    queries = "-" if row["queries"] is None else str(row["queries"])
    flag = "!" if row["ratio"] >= SLOW and row["p95_ms"] is not None else " "
    status = "" if row["status"] in (200, "done") else f" {row['status']}"
    return (
        f"{row['median_ms']:>9.1f} {p95:>8} {queries:>8} {row['ratio']:>6}x{flag}"
        f"{status}"
    )


def main() -> None:
    if "--report" in sys.argv:
        report()
        return
    url = os.environ["DATABASE_URL"]
    vendor = "postgresql" if url.startswith("postgres") else "sqlite"
    print(f"large installation on {vendor}", flush=True)
    figures = run(url, vendor)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"large-{vendor}.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
