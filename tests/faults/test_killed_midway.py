"""A process killed in the middle of a bank import or a month closing leaves no
half state: its transaction is rolled back by the database, and the same work
done again succeeds. (Report generation does not exist yet: issue 6.)"""

import pytest
from django.db import connection

from tests.faults.child import ENTRIES
from tests.faults.conftest import Installation

# PostgreSQL: the children write to the test database, emptied after each test.
pytestmark = (
    [pytest.mark.django_db(transaction=True)]
    if connection.vendor == "postgresql"
    else []
)


def test_a_killed_import_leaves_no_statement_and_no_transactions(
    installation: Installation,
) -> None:
    before = installation.run("count")

    state = installation.kill_inside("import", "finance_banktransaction")

    after = installation.run("count")
    assert state == {"in_transaction": True}
    assert after["statements"] == before["statements"]
    assert after["transactions"] == before["transactions"] == 0
    assert after["documents"] == before["documents"]


def test_a_killed_import_leaves_at_most_its_file_unreferenced_on_disk(
    installation: Installation,
) -> None:
    # The upload is written to disk before the rows that point to it, inside
    # the transaction; a kill leaves the file, which no record refers to, so no
    # one can reach it and no backup takes it (documents app: sweep them).
    installation.kill_inside("import", "finance_banktransaction")

    after = installation.run("count")

    assert after["unreferenced"] == 1
    assert after["files"] == after["documents"] + 1


def test_an_import_after_a_killed_one_stores_the_whole_statement(
    installation: Installation,
) -> None:
    before = installation.run("count")
    installation.kill_inside("import", "finance_banktransaction")

    result = installation.run("import")

    after = installation.run("count")
    assert result == {"added": ENTRIES}
    assert after["statements"] == before["statements"] + 1
    assert after["transactions"] == ENTRIES


def test_a_killed_month_closing_leaves_the_month_open(
    installation: Installation,
) -> None:
    state = installation.kill_inside("close", "finance_closedmonth")

    assert state == {"in_transaction": True}
    assert installation.run("count")["closed_months"] == 0


def test_a_month_closing_after_a_killed_one_closes_the_month(
    installation: Installation,
) -> None:
    installation.kill_inside("close", "finance_closedmonth")

    result = installation.run("close")

    assert result == {"closed": True}
    assert installation.run("count")["closed_months"] == 1
