"""Annual reports: per room and year, per funder where an agreement asks for
one, and one over all rooms; their route from draft to publication, each step
kept with who and when."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .constants import ReportStatus, StepKind


class AnnualReport(BusinessRecord):
    """What was done in a year and what it cost. A room's report has a room; a
    funder's report also a funder (only what concerns it); the report of the
    whole cooperation neither.

    The figures are compiled from the data while the report is open and kept as
    they were at the accountant's approval: the PDF is made from those kept
    figures, so rendering it again later gives the same numbers."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="annual_reports",
    )
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
    )
    # The team's and coach's own text per chapter, by chapter code.
    texts = models.JSONField(_("texts"), default=dict, blank=True)
    figures = models.JSONField(_("figures at approval"), null=True, blank=True)
    statement = models.ForeignKey(
        Document,
        verbose_name=_("accountant's statement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    pdf = models.ForeignKey(
        Document,
        verbose_name=_("report as PDF"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "room__name", "funder__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "year"],
                condition=Q(funder__isnull=True, room__isnull=False),
                name="one_room_report_a_year",
                violation_error_message=_("This room has a report for that year."),
            ),
            models.UniqueConstraint(
                fields=["room", "funder", "year"],
                condition=Q(funder__isnull=False),
                name="one_funder_report_a_year",
                violation_error_message=_(
                    "This room has a report for this funder for that year."
                ),
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(room__isnull=True),
                name="one_cooperation_report_a_year",
                violation_error_message=_(
                    "The cooperation has a report for that year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(funder__isnull=True) | Q(room__isnull=False),
                name="funder_report_of_a_room",
                violation_error_message=_("A funder's report is about one room."),
            ),
        ]

    def __str__(self) -> str:
        if self.room is None:
            return str(
                _("Annual report %(year)s of the cooperation") % {"year": self.year}
            )
        if self.funder is not None:
            return str(
                _("Annual report %(year)s of %(room)s for %(funder)s")
                % {"year": self.year, "room": self.room, "funder": self.funder}
            )
        return str(
            _("Annual report %(year)s of %(room)s")
            % {"year": self.year, "room": self.room}
        )

    def get_absolute_url(self) -> str:
        return reverse("accountability:report", kwargs={"report": self.uuid})

    @property
    def frozen(self) -> bool:
        return self.status in (ReportStatus.APPROVED, ReportStatus.PUBLISHED)


class ReportStep(models.Model):
    """One step of a report's route: who took it, when, and what they said."""

    report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("annual report"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    kind = models.CharField(_("step"), max_length=12, choices=StepKind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))
    remarks = models.TextField(_("remarks"), blank=True)
    # The audit committee members who reviewed, for a review step.
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("step of a report")
        verbose_name_plural = _("steps of reports")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.at:%d-%m-%Y %H:%M}"


class AuditYear(BusinessRecord):
    """The audit committee's work on one year of the books: the sample the
    platform drew for it, its cash counts and findings, and its report with the
    advice to the general meeting, which the financial report carries."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    advice = models.TextField(_("report and advice to the general meeting"), blank=True)
    sampled_at = models.DateTimeField(_("sample drawn at"), null=True, blank=True)
    sampled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sample drawn by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    expenses = models.ManyToManyField(
        "finance.Expense", verbose_name=_("sampled expenses"), blank=True
    )
    fixed_costs = models.ManyToManyField(
        "finance.FixedCost", verbose_name=_("sampled fixed costs"), blank=True
    )

    class Meta:
        verbose_name = _("audit of a year")
        verbose_name_plural = _("audits of years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Audit of %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("accountability:audit", kwargs={"year": self.year})


class CashCount(models.Model):
    """A count of a room's petty cash by the committee: what they counted
    against what the books say on that day."""

    audit = models.ForeignKey(
        AuditYear,
        verbose_name=_("audit"),
        on_delete=models.CASCADE,
        related_name="counts",
    )
    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="+"
    )
    counted_on = models.DateField(_("counted on"))
    counted = models.DecimalField(_("counted"), max_digits=12, decimal_places=2)
    booked = models.DecimalField(
        _("according to the books"), max_digits=12, decimal_places=2
    )
    counted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("cash count")
        verbose_name_plural = _("cash counts")
        ordering = ["room__name", "-counted_on"]

    def __str__(self) -> str:
        return f"{self.room} · {self.counted_on:%d-%m-%Y}"

    @property
    def difference(self) -> object:
        return self.counted - self.booked


class Finding(models.Model):
    """Something the committee found, and how it is followed up."""

    audit = models.ForeignKey(
        AuditYear,
        verbose_name=_("audit"),
        on_delete=models.CASCADE,
        related_name="findings",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    finding = models.TextField(_("finding"))
    follow_up = models.TextField(_("follow-up"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["resolved_on", "pk"]

    def __str__(self) -> str:
        return self.finding[:60]
