"""The finance API: budgets, fixed costs, petty-cash transfers and expenses, and
bank transactions. Every change goes through the finance services, which hold the
rules of DESIGN.md section 5; nothing here writes a model itself."""

from .bank import BankTransactionViewSet
from .costs import BudgetViewSet, FixedCostViewSet
from .petty_cash import ExpenseViewSet, TransferViewSet

__all__ = [
    "BankTransactionViewSet",
    "BudgetViewSet",
    "ExpenseViewSet",
    "FixedCostViewSet",
    "TransferViewSet",
]
