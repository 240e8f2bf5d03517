"""Mediation between residents or volunteers of a room, its sessions and outcome,
and temporary exclusions from the room. All are case files: only the room's
team coordinator, its project coach and the board read them, and each read is
logged. The team sees no more than who is excluded until when."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import Outcome


class MediationCase(BusinessRecord):
    """A conflict between people of the room that the team mediates."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="mediation_cases",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("A short description without names, for lists."),
    )
    parties = models.ManyToManyField(
        Person, verbose_name=_("parties"), related_name="+"
    )
    opened_on = models.DateField(_("opened on"))
    what_happened = models.TextField(_("what happened"))
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, blank=True
    )
    outcome_notes = models.TextField(_("about the outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mediation case")
        verbose_name_plural = _("mediation cases")
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True, outcome="")
                | (Q(closed_on__isnull=False) & ~Q(outcome="")),
                name="mediation_closed_with_outcome",
                violation_error_message=_("A closed case has its outcome."),
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="mediation_closed_after_opened",
                violation_error_message=_("A case cannot close before it opened."),
            ),
        ]
        indexes = [models.Index(fields=["room", "closed_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mediation:case", kwargs={"case": self.uuid})

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class MediationSession(BusinessRecord):
    """A mediation session: who was there and what was agreed."""

    case = models.ForeignKey(
        MediationCase,
        verbose_name=_("mediation case"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    held_on = models.DateField(_("date"))
    present = models.ManyToManyField(
        Person, verbose_name=_("parties present"), related_name="+", blank=True
    )
    others_present = models.CharField(
        _("also present"),
        max_length=300,
        blank=True,
        help_text=_("The mediator and anyone else, by role."),
    )
    agreed = models.TextField(_("what was agreed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mediation session")
        verbose_name_plural = _("mediation sessions")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case} · {self.held_on}"

    @property
    def room_id(self) -> int:
        return self.case.room_id


class Exclusion(BusinessRecord):
    """A person may not take part in the room's activities or trainings from
    the first day to the last, both included (DESIGN.md section 5)."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="exclusions",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    case = models.ForeignKey(
        MediationCase,
        verbose_name=_("mediation case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="exclusions",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("temporary exclusion")
        verbose_name_plural = _("temporary exclusions")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="exclusion_ends_after_start",
                violation_error_message=_("The last day lies before the first."),
            )
        ]
        indexes = [models.Index(fields=["person", "room", "starts_on", "ends_on"])]

    def __str__(self) -> str:
        return _("Exclusion of %(person)s") % {"person": self.person}

    def get_absolute_url(self) -> str:
        return reverse("mediation:exclusion", kwargs={"exclusion": self.uuid})

    def runs_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on
