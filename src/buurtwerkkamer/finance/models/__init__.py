"""The finance app's models, one module per part of the books."""

from .bank import BankStatement, BankTransaction
from .closing import ClosedMonth, FrozenYear
from .costs import Budget, BudgetLine, FixedCost, FixedCostTemplate
from .petty_cash import (
    CooperativeAccount,
    Expense,
    RoomAllowance,
    SepaBatch,
    Transfer,
)

__all__ = [
    "BankStatement",
    "BankTransaction",
    "Budget",
    "BudgetLine",
    "ClosedMonth",
    "CooperativeAccount",
    "Expense",
    "FixedCost",
    "FixedCostTemplate",
    "FrozenYear",
    "RoomAllowance",
    "SepaBatch",
    "Transfer",
]
