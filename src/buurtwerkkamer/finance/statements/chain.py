"""Check that statements add up and follow on from each other."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .types import Statement


def check_chain(statements: Iterable[Statement]) -> list[str]:
    """Describe every break in the balances, per account, in the given order.

    Two kinds of problem are reported: a statement whose opening balance is not
    the closing balance of the account's previous statement (a statement is
    missing, or the bank restated a balance), and a statement whose opening
    balance plus its entries is not its closing balance. Statements without
    the balance needed for a check are skipped by that check.
    """
    problems: list[str] = []
    previous: dict[str, Statement] = {}
    for statement in statements:
        before = previous.get(statement.account)
        if (
            before is not None
            and before.closing_balance is not None
            and statement.opening_balance is not None
            and before.closing_balance != statement.opening_balance
        ):
            problems.append(
                _(
                    "Account %(account)s: statement %(statement)s opens at "
                    "%(opening)s, but the previous statement %(previous)s closed "
                    "at %(closing)s."
                )
                % {
                    "account": statement.account,
                    "statement": statement.statement_id,
                    "opening": statement.opening_balance,
                    "previous": before.statement_id,
                    "closing": before.closing_balance,
                }
            )
        if (
            statement.opening_balance is not None
            and statement.closing_balance is not None
        ):
            expected = statement.opening_balance + statement.entries_total
            if expected != statement.closing_balance:
                problems.append(
                    _(
                        "Account %(account)s: statement %(statement)s opens at "
                        "%(opening)s with entries of %(total)s, so it should close "
                        "at %(expected)s, but it closes at %(closing)s."
                    )
                    % {
                        "account": statement.account,
                        "statement": statement.statement_id,
                        "opening": statement.opening_balance,
                        "total": statement.entries_total,
                        "expected": expected,
                        "closing": statement.closing_balance,
                    }
                )
        previous[statement.account] = statement
    return problems
