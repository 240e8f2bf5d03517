"""Evaluations with their follow-up actions, the yearly learning plan of a room,
and the trainings its active residents and volunteers take."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import Evaluator, TrainingStatus


class Evaluation(BusinessRecord):
    """An evaluation of a room on one theme, by a third party or by the team."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    theme = models.CharField(_("theme"), max_length=200)
    evaluator = models.CharField(
        _("evaluated by"),
        max_length=20,
        choices=Evaluator.choices,
        default=Evaluator.THIRD_PARTY,
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("evaluating organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
        help_text=_("For an evaluation by a third party."),
    )
    evaluator_name = models.CharField(
        _("name of the evaluator"),
        max_length=150,
        blank=True,
        help_text=_("Who carried out the evaluation."),
    )
    held_on = models.DateField(_("date"))
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"), blank=True)
    report = models.ForeignKey(
        Document,
        verbose_name=_("report"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-held_on", "theme"]
        constraints = [
            models.CheckConstraint(
                condition=Q(evaluator=Evaluator.TEAM, organisation__isnull=True)
                | Q(evaluator=Evaluator.THIRD_PARTY, organisation__isnull=False),
                name="evaluation_organisation_fits_evaluator",
                violation_error_message=_(
                    "A third party is an organisation; the team is none."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.theme

    def clean(self) -> None:
        if self.evaluator == Evaluator.THIRD_PARTY and not self.organisation_id:
            raise ValidationError(
                {"organisation": _("Choose the organisation that evaluated.")}
            )
        if self.evaluator == Evaluator.TEAM and self.organisation_id:
            raise ValidationError(
                {"organisation": _("An evaluation by the team has no organisation.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("development:evaluation", kwargs={"evaluation": self.uuid})


class FollowUp(BusinessRecord):
    """An action that follows from an evaluation, with the user who sees it
    through; it is on their list of deadlines until it is done."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluation"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    action = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_on", "action"]
        indexes = [models.Index(fields=["owner", "done_on"])]

    def __str__(self) -> str:
        return self.action

    @property
    def room_id(self) -> int:
        return self.evaluation.room_id

    def get_absolute_url(self) -> str:
        return self.evaluation.get_absolute_url()


class LearningPlan(BusinessRecord):
    """A room's yearly look back and ahead: what it learned, what it achieved,
    and what it means to learn next."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="learning_plans",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    lessons_learned = models.TextField(_("lessons learned"))
    results = models.TextField(_("results"), blank=True)
    learning_goals = models.TextField(
        _("learning goals"), help_text=_("What the room means to learn next.")
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning plan")
        verbose_name_plural = _("learning plans")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "year"],
                name="learning_plan_once_per_year",
                violation_error_message=_(
                    "This room has a learning plan for that year."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("development:plan", kwargs={"plan": self.uuid})


class Training(BusinessRecord):
    """A training for the room's active residents and volunteers, on one day or
    over a period."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    learning_plan = models.ForeignKey(
        LearningPlan,
        verbose_name=_("learning plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainings",
        help_text=_("The learning plan that asks for this training, if any."),
    )
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(
        _("given by"), max_length=200, help_text=_("The trainer or organisation.")
    )
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("For a training over several days."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TrainingStatus.choices,
        default=TrainingStatus.PLANNED,
    )
    description = models.TextField(_("description"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="training_period_in_order",
                violation_error_message=_("The last day lies before the first."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day lies before the first.")})
        plan = self.learning_plan
        if plan is not None and plan.room_id != self.room_id:
            raise ValidationError(
                {"learning_plan": _("That learning plan is of another room.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("development:training", kwargs={"training": self.uuid})

    @property
    def last_day(self) -> date:
        return self.ends_on or self.starts_on


class TrainingParticipant(BusinessRecord):
    """A person of the room taking part in a training, and when they completed
    it. Completed participations count towards result obligations."""

    training = models.ForeignKey(
        Training,
        verbose_name=_("training"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "person"],
                name="participant_once_per_training",
                violation_error_message=_("This person takes part already."),
            )
        ]
        indexes = [models.Index(fields=["completed_on"])]

    def __str__(self) -> str:
        return f"{self.person} · {self.training}"

    @property
    def room_id(self) -> int:
        return self.training.room_id
