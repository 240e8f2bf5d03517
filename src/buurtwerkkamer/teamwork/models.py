"""The team of a room: its house rules (werk- en leefafspraken) in versions and
their breaches, agreements with and coaching of its members, the yearly goals
set with the project coach, and the coordinator's contacts with partners."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import AgreementKind


class HouseRules(BusinessRecord):
    """One version of a room's house rules. Once it is in effect it never
    changes; a later version supersedes it from the day that one takes effect."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="house_rules",
    )
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("house rules"))
    effective_from = models.DateField(_("in effect from"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("house rules")
        verbose_name_plural = _("house rules")
        ordering = ["-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "number"], name="house_rules_version_once"
            ),
            models.UniqueConstraint(
                fields=["room", "effective_from"],
                name="house_rules_one_version_a_day",
                violation_error_message=_("Another version takes effect on that day."),
            ),
        ]

    def __str__(self) -> str:
        return _("House rules version %(number)s") % {"number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("teamwork:rules", kwargs={"rules": self.uuid})

    def in_effect(self, today: date) -> bool:
        return self.effective_from <= today


class Breach(BusinessRecord):
    """A breach of the house rules by a person of the room, and what was done
    about it. A case file: only the room's coordinator, its coach and the board
    read it, and each read is logged."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="breaches",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    occurred_on = models.DateField(_("when"))
    what = models.TextField(_("what happened"))
    action_taken = models.TextField(_("what was done"), blank=True)
    rules = models.ForeignKey(
        HouseRules,
        verbose_name=_("house rules"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="breaches",
        help_text=_("The version in effect on that day."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("breach of the house rules")
        verbose_name_plural = _("breaches of the house rules")
        ordering = ["-occurred_on", "-pk"]

    def __str__(self) -> str:
        return _("Breach of %(date)s") % {"date": self.occurred_on}

    def get_absolute_url(self) -> str:
        return reverse("teamwork:breach", kwargs={"breach": self.uuid})


class WorkAgreement(BusinessRecord):
    """Something agreed with a member of the team (staff or volunteer), or a
    coaching conversation with them, with the date it is to be followed up."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="work_agreements",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("with whom"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=AgreementKind.choices,
        default=AgreementKind.AGREEMENT,
    )
    agreed_on = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=200)
    agreed = models.TextField(_("what was agreed"))
    follow_up_on = models.DateField(
        _("follow up on"),
        null=True,
        blank=True,
        help_text=_("When the coordinator or coach comes back to it."),
    )
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("work agreement")
        verbose_name_plural = _("work agreements")
        ordering = ["-agreed_on", "-pk"]
        indexes = [models.Index(fields=["room", "followed_up_on", "follow_up_on"])]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("teamwork:agreement", kwargs={"workagreement": self.uuid})


class YearlyGoal(BusinessRecord):
    """A goal for the room's work or quality in one year, set by the team with
    the project coach, and how it is measured."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="yearly_goals",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    goal = models.CharField(_("goal"), max_length=300)
    measure = models.TextField(
        _("measure"), help_text=_("How the room and its coach will know it is met.")
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly goal")
        verbose_name_plural = _("yearly goals")
        ordering = ["-year", "goal"]
        indexes = [models.Index(fields=["room", "year"])]

    def __str__(self) -> str:
        return self.goal

    def get_absolute_url(self) -> str:
        return reverse("teamwork:goal", kwargs={"goal": self.uuid})


class GoalNote(BusinessRecord):
    """A note on the progress towards a yearly goal."""

    goal = models.ForeignKey(
        YearlyGoal,
        verbose_name=_("goal"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    written_on = models.DateField(_("date"))
    note = models.TextField(_("progress"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["-written_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(note=""), name="goal_note_has_text")
        ]

    def __str__(self) -> str:
        return self.note[:80]


class PartnerContact(BusinessRecord):
    """One operational contact of the room's team with a partner in the
    neighbourhood or the municipality: the contact log, per organisation."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="partner_contacts",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    contacted_on = models.DateField(_("date"))
    contact_person = models.CharField(
        _("contact person"),
        max_length=150,
        blank=True,
        help_text=_("Who you spoke to at the organisation."),
    )
    subject = models.CharField(_("subject"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    follow_up = models.CharField(_("follow-up"), max_length=300, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")
        ordering = ["-contacted_on", "-pk"]
        indexes = [
            models.Index(fields=["room", "organisation", "contacted_on"]),
            models.Index(fields=["room", "followed_up_on", "follow_up_on"]),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("teamwork:contact", kwargs={"contactlog": self.uuid})
