from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

# DESIGN.md section 5: at most EUR 250 petty cash per room per month, a cooperative
# setting that a room may have less of.
DEFAULT_ALLOWANCE = Decimal("250.00")


class ExpenseCategory(models.TextChoices):
    """The six things petty cash may be spent on; fixed costs never are."""

    A = "A", _("A: coffee, tea and the like")
    B = "B", _("B: catering and meals")
    C = "C", _("C: travel and parking")
    D = "D", _("D: cleaning supplies")
    E = "E", _("E: office supplies")
    F = "F", _("F: materials for activities and services")


class TransferStatus(models.TextChoices):
    APPROVED = "approved", _("Approved")
    BATCHED = "batched", _("In a payment batch")
    EXPORTED = "exported", _("Sent to the bank")
    CANCELLED = "cancelled", _("Cancelled")


# Transfers that count against the month's allowance.
LIVE_TRANSFERS = [
    TransferStatus.APPROVED,
    TransferStatus.BATCHED,
    TransferStatus.EXPORTED,
]


class BatchStatus(models.TextChoices):
    PREPARED = "prepared", _("Prepared")
    APPROVED = "approved", _("Approved")
    EXPORTED = "exported", _("Exported")
    CANCELLED = "cancelled", _("Cancelled")


class ExpenseStatus(models.TextChoices):
    RECORDED = "recorded", _("Recorded")
    CHECKED = "checked", _("Checked")
    QUERIED = "queried", _("Queried by the treasurer")


class FixedCostCategory(models.TextChoices):
    """What the cooperative pays centrally for a room (DESIGN.md section 5); never
    from petty cash."""

    SALARIES = "salaries", _("Salaries and fees")
    RENT = "rent", _("Rent")
    UTILITIES = "utilities", _("Utilities (gas, water, electricity)")
    INSURANCE = "insurance", _("Insurance")
    PHONE = "phone", _("Phone and internet")
    OTHER = "other", _("Other fixed costs")


# A budget line names a fixed-cost category or the room's petty cash as a whole.
PETTY_CASH = "petty_cash"
BUDGET_CATEGORIES = [
    *FixedCostCategory.choices,
    (PETTY_CASH, _("Petty cash")),
]

# The kind of job a bank statement import runs as (see core.jobs).
IMPORT_JOB = "finance.import_statement"
