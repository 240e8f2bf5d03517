"""Recruitment of paid staff: a vacancy, the people who apply, their
interviews, the decision, and the contract a hire leads to."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.rooms.models import Room

from ..constants import Decision, Position
from .contracts import Contract


class StaffVacancy(BusinessRecord):
    title = models.CharField(_("title"), max_length=200)
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_vacancies",
        help_text=_("Empty for a position of the cooperative as a whole."),
    )
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1
    )
    description = models.TextField(_("description"), blank=True)
    opened_on = models.DateField(_("open from"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff vacancy")
        verbose_name_plural = _("staff vacancies")
        ordering = ["-opened_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="staff_vacancy_period_in_order",
                violation_error_message=_("A vacancy cannot close before it opens."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("employer:vacancy", kwargs={"vacancy": self.uuid})


class Applicant(BusinessRecord):
    """Someone who applied. Only what the selection needs: a name, how to reach
    them, the notes of the committee; a Person is made when they are hired."""

    vacancy = models.ForeignKey(
        StaffVacancy,
        verbose_name=_("vacancy"),
        on_delete=models.CASCADE,
        related_name="applicants",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    contract = models.OneToOneField(
        Contract,
        verbose_name=_("contract"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applicant",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("employer:applicant", kwargs={"applicant": self.uuid})


class Interview(BusinessRecord):
    applicant = models.ForeignKey(
        Applicant,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="interviews",
    )
    held_on = models.DateField(_("date"))
    notes = models.TextField(_("notes"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["held_on"]

    def __str__(self) -> str:
        return f"{self.applicant} {self.held_on}"
