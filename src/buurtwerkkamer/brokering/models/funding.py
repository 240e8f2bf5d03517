"""Funding applications to funders, and the reports a grant asks for."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from ..constants import GRANTED, FundingStatus
from .agreements import check_period


class FundingApplication(BusinessRecord):
    """A formal request for money to a funder."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="funding_applications",
    )
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="funding_applications",
    )
    title = models.CharField(_("title"), max_length=200)
    amount_requested = models.DecimalField(
        _("amount requested"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=FundingStatus.choices,
        default=FundingStatus.DRAFT,
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    decision_expected_on = models.DateField(
        _("decision expected on"), null=True, blank=True
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    amount_granted = models.DecimalField(
        _("amount granted"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    conditions = models.TextField(
        _("conditions"),
        blank=True,
        help_text=_("What the funder asks in return: reports, results, publicity."),
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("decision letter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        ordering = ["-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="funding_period_in_order",
                violation_error_message=_("The end date lies before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(amount_requested__gt=0),
                name="funding_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        check_period(self.period_start, self.period_end, "period_end")
        if (
            self.submitted_on
            and self.decided_on
            and self.decided_on < self.submitted_on
        ):
            raise ValidationError(
                {"decided_on": _("A decision cannot precede the submission.")}
            )
        if self.status in GRANTED and not self.amount_granted:
            raise ValidationError({"amount_granted": _("Enter the amount granted.")})
        if (
            self.amount_granted is not None
            and self.amount_granted > self.amount_requested
        ):
            raise ValidationError(
                {
                    "amount_granted": _(
                        "More was granted than requested: check the amount."
                    )
                }
            )

    def get_absolute_url(self) -> str:
        return reverse("brokering:funding", kwargs={"application": self.uuid})

    @property
    def is_granted(self) -> bool:
        return self.status in GRANTED


class ReportingDate(BusinessRecord):
    """A report the funder asks for by a date, under the conditions of a grant."""

    application = models.ForeignKey(
        FundingApplication,
        verbose_name=_("funding application"),
        on_delete=models.CASCADE,
        related_name="reporting_dates",
    )
    due_on = models.DateField(_("due on"))
    subject = models.CharField(
        _("what to report"),
        max_length=200,
        help_text=_("For instance: interim report on the results, final accounts."),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("reporting date")
        verbose_name_plural = _("reporting dates")
        ordering = ["due_on", "subject"]

    def __str__(self) -> str:
        return self.subject

    @property
    def room_id(self) -> int:
        return self.application.room_id
