"""What happens in a room: its activities, the sessions held, the visitors counted
and the volunteers present with their hours. Visitors are counted, not named;
participants are named only for the activities that need it (a course)."""

import re
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import MAX_HOURS, MAX_VISITORS, USUAL_HOURS, ActivityKind

# "dinsdag 10:00-12:00", "di 9.30 – 11.30": the first span of times in a schedule.
TIME_SPAN = re.compile(r"(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})")


class Activity(BusinessRecord):
    """Something a room does regularly: a cooking club, a language class."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    description = models.TextField(_("description"), blank=True)
    schedule = models.CharField(
        _("schedule"),
        max_length=120,
        blank=True,
        help_text=_("When it takes place, for example: Tuesday 10:00-12:00."),
    )
    leader = models.ForeignKey(
        Person,
        verbose_name=_("led by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_activities",
    )
    active_from = models.DateField(_("active from"))
    active_until = models.DateField(
        _("active until"),
        null=True,
        blank=True,
        help_text=_("The last day; empty while it runs."),
    )
    needs_participants = models.BooleanField(
        _("records named participants"),
        default=False,
        help_text=_(
            "Only for a training or course, where who took part matters; "
            "otherwise visitors are counted, not named."
        ),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_until__gte=F("active_from")),
                name="activity_ends_after_start",
                violation_error_message=_("An activity cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("activities:activity", kwargs={"activity": self.uuid})

    def clean(self) -> None:
        if (
            self.active_until
            and self.active_from
            and self.active_until < self.active_from
        ):
            raise ValidationError(
                {"active_until": _("An activity cannot end before it starts.")}
            )

    def runs_on(self, day: date) -> bool:
        return self.active_from <= day and (
            self.active_until is None or day <= self.active_until
        )

    @property
    def usual_hours(self) -> Decimal:
        """The length of a session by the schedule's times; two hours without."""
        found = TIME_SPAN.search(self.schedule)
        if not found:
            return USUAL_HOURS
        start_h, start_m, end_h, end_m = (int(part) for part in found.groups())
        minutes = (end_h * 60 + end_m) - (start_h * 60 + start_m)
        if not 0 < minutes <= 24 * 60:
            return USUAL_HOURS
        return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


class Session(BusinessRecord):
    """One time an activity was held. The room is the activity's, kept here as
    well so that figures and scopes over many rooms need no join."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="activity_sessions",
    )
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"), null=True, blank=True)
    visitors = models.PositiveIntegerField(
        _("visitors"),
        validators=[MaxValueValidator(MAX_VISITORS)],
        help_text=_("How many people came, not counting the volunteers."),
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-held_on", "-starts_at"]
        indexes = [
            models.Index(fields=["room", "held_on"]),
            # The first page of a list of every room's sessions (the API's order)
            # reads the newest few instead of sorting all of them.
            models.Index(fields=["-held_on", "-starts_at", "id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(visitors__gte=0) & Q(visitors__lte=MAX_VISITORS),
                name="session_visitors_in_range",
            ),
            # Two volunteers recording the same session would count it twice.
            models.UniqueConstraint(
                fields=["activity", "held_on", "starts_at"],
                name="session_once",
                nulls_distinct=False,
                violation_error_message=_("This session has been recorded already."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.held_on:%d-%m-%Y}"

    @property
    def hours(self) -> Decimal:
        """The volunteers' hours together; prefetch `volunteers` for a list."""
        return sum(
            (present.hours for present in self.volunteers.all()), Decimal("0.00")
        )


class SessionVolunteer(BusinessRecord):
    """A volunteer present at a session, and the hours they gave."""

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="volunteers",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="volunteered",
    )
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_HOURS)],
    )

    class Meta:
        verbose_name = _("volunteer at a session")
        verbose_name_plural = _("volunteers at a session")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="session_volunteer_once"
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_HOURS),
                name="session_volunteer_hours_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.hours}"


class SessionParticipant(BusinessRecord):
    """A named participant, only for activities that record them."""

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="participated",
    )

    class Meta:
        verbose_name = _("participant at a session")
        verbose_name_plural = _("participants at a session")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="session_participant_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)
