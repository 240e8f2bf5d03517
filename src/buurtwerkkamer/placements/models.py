"""Placements of people far from the labour market: vacancies per room, the
candidates a benefits agency refers (or who come in themselves) with their
selection, the placement with its contract (held by the employer app), and the
signals of problems with every contact about them with the benefits agency.

Candidates, placements and signals are case files (DESIGN.md section 2)."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.employer.models import Contract
from buurtwerkkamer.partners.models import ContactPerson, Organisation
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import DECISIONS, CandidateStatus, Outcome, PlacementKind, Seriousness


class PlacementVacancy(BusinessRecord):
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="placement_vacancies",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PlacementKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1
    )
    opened_on = models.DateField(_("open from"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement vacancy")
        verbose_name_plural = _("placement vacancies")
        ordering = ["-opened_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="placement_vacancy_period_in_order",
                violation_error_message=_("A vacancy cannot close before it opens."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Candidate(BusinessRecord):
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="candidates",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="candidacies",
    )
    vacancy = models.ForeignKey(
        PlacementVacancy,
        verbose_name=_("vacancy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="candidates",
    )
    referred_by = models.ForeignKey(
        Organisation,
        verbose_name=_("referred by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        help_text=_("The benefits agency; empty when the candidate came in."),
    )
    referral_contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    registered_on = models.DateField(_("registered on"))
    intake_on = models.DateField(_("intake on"), null=True, blank=True)
    intake_notes = models.TextField(_("intake notes"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CandidateStatus.choices,
        default=CandidateStatus.REGISTERED,
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["-registered_on", "pk"]
        indexes = [models.Index(fields=["room", "status"])]

    def __str__(self) -> str:
        return str(self.person)

    def get_absolute_url(self) -> str:
        return reverse("placements:candidate", kwargs={"candidate": self.uuid})


class SelectionInterview(BusinessRecord):
    candidate = models.ForeignKey(
        Candidate,
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="interviews",
    )
    held_on = models.DateField(_("date"))
    notes = models.TextField(_("notes"))
    decision = models.CharField(_("decision"), max_length=12, choices=DECISIONS)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("selection interview")
        verbose_name_plural = _("selection interviews")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.candidate} {self.held_on}"


class Placement(BusinessRecord):
    """A candidate at work in the room. `contract` is the current period; the
    periods before it are its chain in the employer app."""

    candidate = models.OneToOneField(
        Candidate,
        verbose_name=_("candidate"),
        on_delete=models.PROTECT,
        related_name="placement",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PlacementKind.choices)
    contract = models.OneToOneField(
        Contract,
        verbose_name=_("contract"),
        on_delete=models.PROTECT,
        related_name="placement",
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, blank=True
    )
    outcome_notes = models.TextField(_("about the outcome"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="placement_period_in_order",
                violation_error_message=_("A placement cannot end before it starts."),
            )
        ]
        indexes = [
            models.Index(fields=["room", "started_on"]),
            models.Index(fields=["room", "outcome", "ended_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.candidate}"

    def get_absolute_url(self) -> str:
        return reverse("placements:placement", kwargs={"placement": self.uuid})


class Signal(BusinessRecord):
    """A problem in a placement, followed up until it is resolved."""

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("placement"),
        on_delete=models.PROTECT,
        related_name="signals",
    )
    raised_on = models.DateField(_("raised on"))
    description = models.TextField(_("what is the problem"))
    seriousness = models.CharField(
        _("seriousness"), max_length=10, choices=Seriousness.choices
    )
    approach = models.TextField(_("approach agreed"), blank=True)
    follow_up_on = models.DateField(_("follow up on"))
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolution = models.TextField(_("how it was resolved"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-raised_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_on__gte=F("raised_on")),
                name="signal_follow_up_after_raised",
                violation_error_message=_("A follow-up comes after the signal."),
            )
        ]
        indexes = [models.Index(fields=["resolved_on", "follow_up_on"])]

    def __str__(self) -> str:
        return f"{self.placement.candidate} {self.raised_on}"

    def get_absolute_url(self) -> str:
        return reverse("placements:signal", kwargs={"signal": self.uuid})

    @property
    def room_id(self) -> int:
        return self.placement.room_id


class SignalContact(BusinessRecord):
    """A contact with the benefits agency about a signal: when, with whom, and
    what was said."""

    signal = models.ForeignKey(
        Signal,
        verbose_name=_("signal"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    contacted_on = models.DateField(_("date"))
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(_("what was said"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact with the benefits agency")
        verbose_name_plural = _("contacts with the benefits agency")
        ordering = ["contacted_on", "pk"]

    def __str__(self) -> str:
        return f"{self.contact} {self.contacted_on}"
