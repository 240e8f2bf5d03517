"""Meetings of every kind, who was invited and present, what was decided, and the
actions that follow, each with an owner and a due date."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.partners.models import ContactPerson
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import COOPERATIVE_KINDS, MeetingKind, MeetingStatus


class Meeting(BusinessRecord):
    """A meeting of a room's team, its partners or its coach and coordinator; a
    work meeting may be held for the whole cooperative (no room)."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MeetingStatus.choices,
        default=MeetingStatus.PLANNED,
    )
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("minutes by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting ends before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(room__isnull=False) | Q(kind__in=sorted(COOPERATIVE_KINDS)),
                name="meeting_room_fits_kind",
                violation_error_message=_("This kind of meeting belongs to a room."),
            ),
            models.CheckConstraint(
                condition=Q(status=MeetingStatus.PLANNED)
                | (~Q(minutes="") & Q(minutes_by__isnull=False)),
                name="meeting_held_has_minutes",
                violation_error_message=_("A meeting held has its minutes."),
            ),
        ]
        indexes = [models.Index(fields=["room", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"meeting": self.uuid})

    @property
    def day(self) -> date:
        """The meeting's date where it is held: due dates are compared with it."""
        return timezone.localdate(self.starts_at)

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD


class Attendee(BusinessRecord):
    """One invitation: a person of the room, a partner's contact person, or a user
    (the room's staff); exactly one of the three."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendees",
    )
    # Erasing a person or a contact takes their invitations with them.
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    person__isnull=False, contact__isnull=True, user__isnull=True
                )
                | Q(person__isnull=True, contact__isnull=False, user__isnull=True)
                | Q(person__isnull=True, contact__isnull=True, user__isnull=False),
                name="attendee_is_one_of_three",
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="attendee_person_once",
            ),
            models.UniqueConstraint(
                fields=["meeting", "contact"],
                condition=Q(contact__isnull=False),
                name="attendee_contact_once",
            ),
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="attendee_user_once",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.contact or self.user)


class Decision(BusinessRecord):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    text = models.TextField(_("decision"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="decision_has_text")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ActionItem(BusinessRecord):
    """Something agreed in a meeting that one user sees through: it stands on
    their dashboard until it is done."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="action_items",
    )
    what = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_on__isnull=True, done_by__isnull=True)
                | Q(done_on__isnull=False, done_by__isnull=False),
                name="action_done_by_someone",
            ),
            models.CheckConstraint(condition=~Q(what=""), name="action_says_what"),
        ]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"])]

    def __str__(self) -> str:
        return self.what

    @property
    def room_id(self) -> int | None:
        return self.meeting.room_id

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today
