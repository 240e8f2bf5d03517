"""Finance's permissions and scopes, in terms of the one policy in `access`."""

import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .models import (
    BankStatement,
    BankTransaction,
    Budget,
    ClosedMonth,
    Expense,
    FixedCost,
    FixedCostTemplate,
    FrozenYear,
    Transfer,
)

PERMISSIONS = {
    "finance.view_petty_cash": p.reads_finance,
    "finance.view_overview": p.reads_finance,
    "finance.view_journal": p.reads_finance,
    "finance.change_account": p.finance_manager,
    "finance.approve_transfer": p.is_treasurer,
    "finance.prepare_batch": p.is_treasurer,
    # The second pair of eyes: a board member who did not prepare the batch (the
    # service checks the "did not prepare" part).
    "finance.approve_batch": p.is_board,
    "finance.export_batch": p.is_treasurer | p.is_board,
    "finance.view_room_finance": p.reads_finance | p.staff_of_room,
    "finance.add_expense": p.coordinates_room | p.is_treasurer,
    "finance.check_expense": p.is_treasurer,
    "finance.book_fixed_cost": p.is_treasurer,
    "finance.change_budget": p.is_treasurer,
    "finance.import_statement": p.is_treasurer,
    "finance.match_transaction": p.is_treasurer,
    "finance.view_bank_statements": p.reads_finance,
    "finance.view_room_bank": p.reads_finance | p.staff_of_room,
    "finance.close_month": p.is_treasurer,
    # Until annual reports exist, the accountant freezes a year by hand; their
    # approval of the report will do the same through `closing.freeze_year`.
    "finance.freeze_year": p.is_accountant,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(Transfer, p.rooms_q)
    register_scope(Expense, p.rooms_q)
    register_scope(FixedCost, p.rooms_q)
    register_scope(BankStatement, p.rooms_q)
    register_scope(BankTransaction, p.rooms_q)
    register_scope(Budget, p.rooms_q)
    register_scope(FixedCostTemplate, p.rooms_q)
    register_scope(ClosedMonth, p.rooms_q)
    register_scope(FrozenYear, p.rooms_q)
