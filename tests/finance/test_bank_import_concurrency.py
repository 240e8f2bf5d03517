"""Two imports of the same statement file at the same moment store it once:
the room's row lock makes the second wait for the first and find its entries,
and the bank's entry reference is unique per account in the database."""

import threading

import pytest
from django.db import connection

from buurtwerkkamer.finance import banking
from buurtwerkkamer.finance.models import BankStatement, BankTransaction
from buurtwerkkamer.rooms.models import Room
from tests.finance.test_bank_import import ROOM_IBAN, camt, ntry, upload
from tests.personas import build_world


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks")
def test_two_imports_of_one_file_at_the_same_moment_store_it_once() -> None:
    # PostgreSQL only: SQLite runs one write transaction at a time anyway.
    world = build_world()
    Room.objects.filter(pk=world.room.pk).update(bank_iban=ROOM_IBAN)
    entries = "".join(ntry(f"R{n}", "1.00") for n in range(200))
    data = camt(ROOM_IBAN, entries, closing="200.00")
    barrier = threading.Barrier(3)
    added: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        barrier.wait()
        try:
            result = banking.import_statement_file(
                upload(data), world.users["treasurer"]
            )
            added.append(result.added)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(added) == [0, 0, 200]
    assert BankStatement.objects.count() == 1
    assert BankTransaction.objects.count() == 200
