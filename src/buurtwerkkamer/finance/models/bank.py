"""Bank statements as the bank sent them, and their transactions, matched to the
transfers and expenses they pay. Like every financial record they are never
deleted: relations protect them, and a second import of the same entry is
refused by the database itself."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.rooms.models import Room

from .petty_cash import Expense, Transfer

# A transaction that pays nothing we know of yet; prefix the fields to use it
# across a relation.
UNMATCHED = {
    "transfer__isnull": True,
    "expense__isnull": True,
    "fixed_cost__isnull": True,
}


class BankTransactionQuerySet(ScopedQuerySet):
    def unmatched(self) -> "BankTransactionQuerySet":
        return self.filter(**UNMATCHED)


class BankStatement(BusinessRecord):
    """One statement of one account: a room's business account, or the
    cooperative's own account when `room` is empty."""

    account_iban = models.CharField(_("account"), max_length=34, db_index=True)
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_statements",
    )
    statement_id = models.CharField(_("statement id"), max_length=80)
    sequence = models.CharField(_("sequence number"), max_length=40, blank=True)
    currency = models.CharField(_("currency"), max_length=3)
    opening_balance = money_field(_("opening balance"), null=True, blank=True)
    opening_date = models.DateField(_("opening date"), null=True, blank=True)
    closing_balance = money_field(_("closing balance"), null=True, blank=True)
    closing_date = models.DateField(_("closing date"), null=True, blank=True)
    file = models.ForeignKey(
        Document,
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    warnings = models.TextField(_("warnings at import"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")
        ordering = ["account_iban", "-closing_date", "-created_at"]

    def __str__(self) -> str:
        return f"{self.account_iban} {self.statement_id}"

    def get_absolute_url(self) -> str:
        return reverse("finance:bank_statement", kwargs={"statement": self.uuid})


class BankTransaction(BusinessRecord):
    """One booked entry of a statement: credit positive, debit negative."""

    statement = models.ForeignKey(
        BankStatement,
        verbose_name=_("bank statement"),
        on_delete=models.PROTECT,
        related_name="transactions",
    )
    # Kept here as well as on the statement: the unique key below needs it.
    account_iban = models.CharField(_("account"), max_length=34)
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_transactions",
    )
    booking_date = models.DateField(_("booking date"))
    amount = money_field(_("amount"))
    bank_reference = models.CharField(_("bank reference"), max_length=140)
    end_to_end_id = models.CharField(_("end-to-end id"), max_length=35, blank=True)
    counterparty_name = models.CharField(_("counterparty"), max_length=140, blank=True)
    counterparty_iban = models.CharField(
        _("counterparty account"), max_length=34, blank=True
    )
    remittance = models.TextField(_("description"), blank=True)
    transfer = models.ForeignKey(
        Transfer,
        verbose_name=_("transfer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_transactions",
    )
    expense = models.ForeignKey(
        Expense,
        verbose_name=_("expense"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_transactions",
    )
    fixed_cost = models.ForeignKey(
        "finance.FixedCost",
        verbose_name=_("fixed cost"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_transactions",
    )
    # Empty with a match: the importer matched it by itself.
    matched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("matched by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    matched_at = models.DateTimeField(_("matched at"), null=True, blank=True)

    objects = BankTransactionQuerySet.as_manager()

    class Meta:
        verbose_name = _("bank transaction")
        verbose_name_plural = _("bank transactions")
        ordering = ["-booking_date", "pk"]
        indexes = [
            # The first page of a list of every room's entries reads the newest
            # few instead of sorting all of them.
            models.Index(fields=["-booking_date", "id"]),
            # A room's unmatched entries (UNMATCHED), counted for all rooms in the
            # treasurer's month. Without it SQLite takes the expense index for
            # "expense IS NULL" and walks every entry that is not an expense, once
            # for every room.
            models.Index(fields=["room", "transfer", "expense", "fixed_cost"]),
        ]
        constraints = [
            # The bank's own entry reference is the key: importing a file twice,
            # even twice at the same moment, adds nothing the second time.
            models.UniqueConstraint(
                fields=["account_iban", "bank_reference"],
                name="bank_transaction_once_per_account",
            ),
            models.CheckConstraint(
                condition=Q(transfer__isnull=True, expense__isnull=True)
                | Q(transfer__isnull=True, fixed_cost__isnull=True)
                | Q(expense__isnull=True, fixed_cost__isnull=True),
                name="bank_transaction_one_match",
            ),
            # A transfer shows on two accounts, the cooperative's and the room's:
            # once on each. An expense is paid once.
            models.UniqueConstraint(
                fields=["account_iban", "transfer"],
                condition=Q(transfer__isnull=False),
                name="bank_transaction_transfer_once_per_account",
            ),
            models.UniqueConstraint(
                fields=["expense"],
                condition=Q(expense__isnull=False),
                name="bank_transaction_expense_once",
            ),
            models.UniqueConstraint(
                fields=["fixed_cost"],
                condition=Q(fixed_cost__isnull=False),
                name="bank_transaction_fixed_cost_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booking_date:%d-%m-%Y} {self.amount} {self.counterparty_name}"

    @property
    def is_matched(self) -> bool:
        return (
            self.transfer_id is not None
            or self.expense_id is not None
            or self.fixed_cost_id is not None
        )
