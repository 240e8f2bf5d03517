"""The finance app's models, one module per part of the books."""

from .petty_cash import (
    CooperativeAccount,
    Expense,
    RoomAllowance,
    SepaBatch,
    Transfer,
)

__all__ = [
    "CooperativeAccount",
    "Expense",
    "RoomAllowance",
    "SepaBatch",
    "Transfer",
]
