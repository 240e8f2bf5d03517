"""Petty cash: the cooperative's account, each room's allowance, the monthly
transfers, the SEPA batches that pay them, and the expenses with their receipts.
Financial records are never deleted: relations protect them, corrections are new
records."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.core.validators import validate_iban
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.rooms.models import Room

from ..constants import (
    DEFAULT_ALLOWANCE,
    BatchStatus,
    ExpenseCategory,
    ExpenseStatus,
    TransferStatus,
)


class CooperativeAccount(BusinessRecord):
    """The cooperative's own bank account, the debtor of every payment batch, and
    the petty-cash allowance. One row per installation."""

    name = models.CharField(_("account holder"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34, validators=[validate_iban])
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    pain_version = models.CharField(
        _("SEPA file format"),
        max_length=20,
        choices=[
            ("pain.001.001.09", "pain.001.001.09"),
            ("pain.001.001.03", "pain.001.001.03"),
        ],
        default="pain.001.001.09",
        help_text=_("Version 03 only for banks that still ask for it."),
    )
    monthly_allowance = money_field(
        _("petty cash per room per month"),
        default=DEFAULT_ALLOWANCE,
        validators=[MinValueValidator(Decimal("0.00"))],
    )

    class Meta:
        verbose_name = _("cooperative account")
        verbose_name_plural = _("cooperative accounts")

    def __str__(self) -> str:
        return f"{self.name} {self.iban}"


class RoomAllowance(BusinessRecord):
    """A room that gets less petty cash than the cooperative's allowance."""

    room = models.OneToOneField(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="allowance"
    )
    monthly_amount = money_field(
        _("petty cash per month"),
        validators=[MinValueValidator(Decimal("0.00"))],
    )

    class Meta:
        verbose_name = _("room allowance")
        verbose_name_plural = _("room allowances")

    def __str__(self) -> str:
        return f"{self.room}: {self.monthly_amount}"


class SepaBatch(BusinessRecord):
    """One SEPA credit-transfer file: prepared by the treasurer, approved by a
    second board member, exported once."""

    message_id = models.CharField(_("message id"), max_length=35, unique=True)
    execution_date = models.DateField(_("execution date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=BatchStatus.choices,
        default=BatchStatus.PREPARED,
    )
    pain_version = models.CharField(_("SEPA file format"), max_length=20)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    exported_at = models.DateTimeField(_("exported at"), null=True, blank=True)
    xml = models.BinaryField(_("file"), null=True, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    class Meta:
        verbose_name = _("payment batch")
        verbose_name_plural = _("payment batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message_id

    def get_absolute_url(self) -> str:
        return reverse("finance:batch", kwargs={"batch": self.uuid})


class Transfer(BusinessRecord):
    """Petty cash for one room and month, to the team leader's business account.
    The account holder and IBAN are kept as they were when it was approved."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="transfers"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    amount = money_field(
        _("amount"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TransferStatus.choices,
        default=TransferStatus.APPROVED,
    )
    creditor_name = models.CharField(_("account holder"), max_length=70)
    creditor_iban = models.CharField(_("IBAN"), max_length=34)
    end_to_end_id = models.CharField(_("end-to-end id"), max_length=35, unique=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    batch = models.ForeignKey(
        SepaBatch,
        verbose_name=_("payment batch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-month", "room__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="transfer_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.month:%m-%Y}: {self.amount}"

    def clean(self) -> None:
        if self.month and self.month.day != 1:
            raise ValidationError({"month": _("A month starts on its first day.")})


class Expense(BusinessRecord):
    """What the team spent from petty cash, with its receipt. A refund (money that
    came back) is a new record pointing to the expense it reduces."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="expenses"
    )
    spent_on = models.DateField(_("date"))
    amount = money_field(
        _("amount"),
    )
    description = models.CharField(_("description"), max_length=200)
    category = models.CharField(
        _("category"), max_length=1, choices=ExpenseCategory.choices
    )
    receipt = models.ForeignKey(
        Document,
        verbose_name=_("receipt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    refund_of = models.ForeignKey(
        "self",
        verbose_name=_("refund of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refunds",
    )
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExpenseStatus.choices,
        default=ExpenseStatus.RECORDED,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    remark = models.TextField(_("remark of the treasurer"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["-spent_on", "-created_at"]
        # The first page of a list of every room's expenses reads the newest few
        # instead of sorting all of them.
        indexes = [models.Index(fields=["-spent_on", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="expense_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.spent_on:%d-%m-%Y} {self.description}"

    def get_absolute_url(self) -> str:
        return reverse("finance:expense", kwargs={"expense": self.uuid})

    @property
    def is_refund(self) -> bool:
        return self.refund_of_id is not None

    @property
    def signed_amount(self) -> Decimal:
        """What it does to the cash: spent is minus, refunded is plus."""
        return self.amount if self.is_refund else -self.amount
