"""Whether a freelancer's invoice fits the contract: the agreed fee times the
hours invoiced, or the monthly fee. Without the hours, an hourly fee is checked
against the most the contract allows in the month: the agreed hours per week
over the month's weeks."""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from buurtwerkkamer.core.money import to_money

from .constants import PayBasis
from .models import Contract


@dataclass(frozen=True)
class InvoiceCheck:
    amount: Decimal
    expected: Decimal
    # True when the expected amount is a ceiling rather than the exact figure.
    at_most: bool

    @property
    def difference(self) -> Decimal:
        return self.amount - self.expected

    @property
    def fits(self) -> bool:
        if self.at_most:
            return self.amount <= self.expected
        return self.amount == self.expected


def check_invoice(
    contract: Contract, amount: Decimal, *, month: date, hours: Decimal | None = None
) -> InvoiceCheck:
    """Compare an invoice for `month` with the contract. Refused: an unpaid
    contract, a month outside its period, and negative hours or amounts."""
    if contract.pay_basis == PayBasis.NONE or not contract.pay:
        raise ValidationError(_("This contract has no fee to check against."))
    if amount < 0 or (hours is not None and hours < 0):
        raise ValidationError(_("Amounts and hours are not negative."))
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    first = month.replace(day=1)
    if contract.starts_on > last or (contract.ends_on and contract.ends_on < first):
        raise ValidationError({"month": _("The contract does not run in that month.")})
    if contract.pay_basis == PayBasis.MONTH:
        return InvoiceCheck(amount, to_money(contract.pay), at_most=False)
    if hours is not None:
        return InvoiceCheck(amount, to_money(contract.pay * hours), at_most=False)
    weeks = Decimal(last.day) / Decimal(7)
    ceiling = to_money(contract.pay * contract.hours_per_week * weeks)
    return InvoiceCheck(amount, ceiling, at_most=True)
