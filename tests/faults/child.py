"""The process the fault tests kill: `python -m tests.faults.child <step>`, on
the database in DATABASE_URL, with uploads under BWK_VAR_DIR.

With BWK_FAULT_HANG=<table> the step stops for good right after its first
INSERT into that table, inside its transaction, and says so in the file
BWK_FAULT_MARK: the test then kills it there."""

import datetime
import json
import os
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwerkkamer.settings.test")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from buurtwerkkamer.accounts.models import User  # noqa: E402
from buurtwerkkamer.documents.models import Document  # noqa: E402
from buurtwerkkamer.finance import banking, closing  # noqa: E402
from buurtwerkkamer.finance.models import (  # noqa: E402
    BankStatement,
    BankTransaction,
    ClosedMonth,
)
from buurtwerkkamer.rooms.models import Room  # noqa: E402
from tests.factories import (  # noqa: E402
    BankStatementFactory,
    ExpenseFactory,
    TransferFactory,
)
from tests.finance.test_bank_import import ROOM_IBAN, camt, ntry  # noqa: E402
from tests.personas import build_world  # noqa: E402

OCTOBER = datetime.date(2026, 10, 1)
TODAY = datetime.date(2026, 12, 3)
ENTRIES = 500


def seed() -> None:
    """The home room with its business account, and October's petty cash
    (100.00 in, 40.01 out) matching the bank's balance at the end of October."""
    world = build_world()
    Room.objects.filter(pk=world.room.pk).update(bank_iban=ROOM_IBAN)
    world.room.refresh_from_db()
    TransferFactory(room=world.room, month=OCTOBER, amount=Decimal("100.00"))
    ExpenseFactory(room=world.room, spent_on=datetime.date(2026, 10, 9), amount="40.01")
    BankStatementFactory(
        room=world.room,
        statement_id="OCTOBER",
        closing_date=datetime.date(2026, 10, 31),
        closing_balance=Decimal("59.99"),
    )
    print(json.dumps({"seeded": True}))  # noqa: T201


def statement() -> bytes:
    entries = "".join(ntry(f"R{n:05d}", "1.00") for n in range(ENTRIES))
    return camt(ROOM_IBAN, entries, closing=f"{ENTRIES}.00")


def import_statement() -> None:
    result = banking.import_statement_data(statement(), "afschrift.xml", treasurer())
    print(json.dumps({"added": result.added}))  # noqa: T201


def close_october() -> None:
    room = Room.objects.get(slug="thuis")
    closing.close_month(room, OCTOBER, treasurer(), today=TODAY)
    print(json.dumps({"closed": True}))  # noqa: T201


def count() -> None:
    media = Path(settings.MEDIA_ROOT)
    files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    known = {media / name for name in Document.objects.values_list("file", flat=True)}
    print(  # noqa: T201
        json.dumps(
            {
                "statements": BankStatement.objects.count(),
                "transactions": BankTransaction.objects.count(),
                "closed_months": ClosedMonth.objects.count(),
                "documents": Document.objects.count(),
                "files": len(files),
                "unreferenced": len(set(files) - known),
            }
        )
    )


def treasurer() -> User:
    return User.objects.get(email="treasurer@example.nl")


def hang_after(table: str, mark: Path) -> Callable[..., Any]:
    def wrapper(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        result = execute(sql, *args)
        if sql.startswith("INSERT") and f'"{table}"' in sql:
            state = {"in_transaction": connection.in_atomic_block}
            mark.with_suffix(".tmp").write_text(json.dumps(state))
            mark.with_suffix(".tmp").replace(mark)
            time.sleep(300)
        return result

    return wrapper


STEPS = {
    "seed": seed,
    "import": import_statement,
    "close": close_october,
    "count": count,
}

if __name__ == "__main__":
    step = STEPS[sys.argv[1]]
    table = os.environ.get("BWK_FAULT_HANG", "")
    if table:
        with connection.execute_wrapper(
            hang_after(table, Path(os.environ["BWK_FAULT_MARK"]))
        ):
            step()
    else:
        step()
