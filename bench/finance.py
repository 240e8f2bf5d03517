"""Benchmark of the finance work that must take seconds, not minutes (issue 3):
a 10,000-entry CAMT.053 import, and the monthly petty-cash run for 300 rooms
ending in one SEPA file. `make bench` runs these steps on the large installation
(bench/run.py); run alone, they start from an empty database, once per database,
and `--report` prints the runs side by side.

    DATABASE_URL=sqlite:///var/bench/bench.sqlite3 python bench/finance.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python bench/finance.py
    python bench/finance.py --report
"""

import json
import os
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "var" / "bench"
ENTRIES = 10_000
ROOMS = 300
NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


def fresh_database(url: str) -> None:
    """An empty database for every run: the figures must not depend on the last."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def timed(step: str, results: dict[str, float], work: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = work()
    results[step] = round(time.perf_counter() - started, 3)
    print(f"  {step}: {results[step]:.3f} s", flush=True)
    return value


def camt_file(iban: str, count: int) -> bytes:
    """One statement of `count` card payments and deposits, as a bank writes it."""
    day = date.today() - timedelta(days=1)
    entries = []
    total = Decimal("0.00")
    for number in range(count):
        amount = Decimal(number % 5000 + 1) / 100
        debit = number % 3 != 0
        total += -amount if debit else amount
        entries.append(
            f'<Ntry><Amt Ccy="EUR">{amount:.2f}</Amt>'
            f"<CdtDbtInd>{'DBIT' if debit else 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>"
            f"<BookgDt><Dt>{day}</Dt></BookgDt><AcctSvcrRef>B-{number:08d}"
            "</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Winkel "
            f"{number % 40}</Nm></Cdtr></RltdPties><RmtInf><Ustrd>Pinbetaling "
            f"{number}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
        )
    opening = Decimal("100000.00")
    closing = opening + total

    def balance(code: str, amount: Decimal) -> str:
        return (
            f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>"
            f'<Amt Ccy="EUR">{amount:.2f}</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
            f"<Dt><Dt>{day}</Dt></Dt></Bal>"
        )

    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Document xmlns="{NS}">'
        "<BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>"
        f"{day}T10:00:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-1</Id><CreDtTm>"
        f"{day}T10:00:00</CreDtTm><Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy>"
        f"</Acct>{balance('OPBD', opening)}{balance('CLBD', closing)}"
        f"{''.join(entries)}</Stmt></BkToCstmrStmt></Document>"
    ).encode()


def run() -> dict[str, float]:
    import django

    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE", "buurtwerkkamer.settings.development"
    )
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("BWK_VAR_DIR", str(OUT / "files"))
    fresh_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    results: dict[str, float] = {}
    treasurer, board = _people()
    rooms = timed(f"create {ROOMS} rooms", results, lambda: _rooms(ROOMS))
    _import(results, rooms[0], treasurer)
    _petty_cash(results, rooms, treasurer, board)
    return results


def _people() -> tuple[Any, Any]:
    from buurtwerkkamer.access.constants import Role
    from buurtwerkkamer.access.models import Grant
    from buurtwerkkamer.accounts.models import User
    from buurtwerkkamer.finance.models import CooperativeAccount

    CooperativeAccount.objects.create(
        name="BuurtWerkKamer Cooperatie UA", iban="NL20INGB0001234567", bic="INGBNL2A"
    )
    people = []
    for role in (Role.TREASURER, Role.BOARD):
        user = User.objects.create_user(email=f"{role.value}@bench.nl", password=None)
        Grant.objects.create(user=user, role=role)
        people.append(user)
    return people[0], people[1]


def _rooms(count: int) -> list[Any]:
    from schwifty import IBAN

    from buurtwerkkamer.rooms.constants import Stage
    from buurtwerkkamer.rooms.models import Room

    return Room.objects.bulk_create(
        Room(
            name=f"BuurtWerkKamer {number}",
            slug=f"kamer-{number}",
            neighbourhood="Overvecht",
            municipality="Utrecht",
            city="Utrecht",
            stage=Stage.OPERATIONAL,
            bank_iban=str(
                IBAN.generate("NL", bank_code="ABNA", account_code=f"{number + 1:010d}")
            ),
            bank_holder=f"Stichting Buurtwerkkamer {number}",
        )
        for number in range(count)
    )


def _import(results: dict[str, float], room: Any, user: Any) -> None:
    from buurtwerkkamer.finance.banking import import_statement_data

    data = camt_file(room.bank_iban, ENTRIES)
    first = timed(
        f"import CAMT.053 of {ENTRIES} entries",
        results,
        lambda: import_statement_data(data, "bench.xml", user),
    )
    assert first.added == ENTRIES, first
    again = timed(
        "import the same file again",
        results,
        lambda: import_statement_data(data, "bench.xml", user),
    )
    assert again.added == 0, again


def _petty_cash(
    results: dict[str, float], rooms: list[Any], treasurer: Any, board: Any
) -> None:
    from buurtwerkkamer.finance import services

    month = services.month_of(date.today())
    proposals = timed(
        f"monthly run for {len(rooms)} rooms",
        results,
        lambda: services.monthly_run(month),
    )

    run = timed(
        f"approve the run for {len(proposals)} rooms",
        results,
        lambda: services.approve_run(month, treasurer),
    )
    assert len(run.approved) == len(proposals) and not run.refused, run.refused
    batch = timed(
        "prepare the SEPA batch",
        results,
        lambda: services.prepare_batch(treasurer, date.today() + timedelta(days=1)),
    )
    timed("approve the batch", results, lambda: services.approve_batch(batch, board))
    xml = timed(
        f"export pain.001 for {len(rooms)} rooms (XSD-checked)",
        results,
        lambda: services.export_batch(batch, treasurer),
    )
    assert xml.count(b"<CdtTrfTxInf>") == len(rooms)


def report() -> None:
    """The runs side by side, as a table."""
    runs = {
        path.stem: json.loads(path.read_text())
        for path in sorted(OUT.glob("finance-*.json"))
    }
    steps = list(dict.fromkeys(step for run in runs.values() for step in run))
    width = max(len(step) for step in steps)
    print(f"{'step':<{width}}  " + "  ".join(f"{name:>12}" for name in runs))
    for step in steps:
        cells = [
            f"{run[step]:>10.3f} s" if step in run else f"{'-':>12}"
            for run in runs.values()
        ]
        print(f"{step:<{width}}  " + "  ".join(cells))


def main() -> None:
    if "--report" in sys.argv:
        report()
        return
    sys.path.insert(0, str(ROOT / "src"))
    vendor = "postgresql" if "postgres" in os.environ["DATABASE_URL"] else "sqlite"
    print(f"finance benchmark on {vendor}", flush=True)
    results = run()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"finance-{vendor}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
