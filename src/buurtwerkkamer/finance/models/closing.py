"""A room's petty-cash month, closed: the figures as they were when the books
agreed with the bank. A closed month is never deleted and never changes; the
services refuse new entries in it (`finance.closing.ensure_open`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.rooms.models import Room


class ClosedMonth(BusinessRecord):
    """One closed month of one room's petty cash, with the figures it closed on."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="closed_months",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    opening_balance = money_field(_("opening balance"))
    transfers_in = money_field(_("transfers in"))
    expenses_out = money_field(
        _("expenses out"), help_text=_("Expenses minus refunds.")
    )
    closing_balance = money_field(_("closing balance"))
    bank_balance = money_field(_("bank balance"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("closed month")
        verbose_name_plural = _("closed months")
        ordering = ["room__name", "-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "month"],
                name="closed_month_once",
                violation_error_message=_("This month was closed already."),
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="closed_month_first_day",
                violation_error_message=_("A month starts on its first day."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.month:%m-%Y}"

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        # Financial records are never deleted (DESIGN.md section 5, periods).
        raise TypeError("A closed month is never deleted.")


class FrozenYear(BusinessRecord):
    """A room's financial year, frozen once the accountant approved its report
    (DESIGN.md section 5, periods): nothing dated in it changes any more."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="frozen_years",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    frozen_at = models.DateTimeField(_("frozen at"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("frozen year")
        verbose_name_plural = _("frozen years")
        ordering = ["room__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "year"],
                name="frozen_year_once",
                violation_error_message=_("This year was frozen already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.year}"

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise TypeError("A frozen year is never unfrozen.")
