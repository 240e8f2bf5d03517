"""The room's volunteers: what each does, their certificate of conduct (VOG)
where a task needs one, and the volunteer allowances paid to them."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from ..constants import ConductResult


class VolunteerTask(BusinessRecord):
    person = models.ForeignKey(
        Person,
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="volunteer_tasks",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="volunteer_tasks",
    )
    task = models.CharField(_("task"), max_length=200)
    needs_certificate = models.BooleanField(
        _("needs a certificate of conduct"),
        default=False,
        help_text=_("Work with children, money or personal data asks for a VOG."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer task")
        verbose_name_plural = _("volunteer tasks")
        ordering = ["person__last_name", "person__first_name", "task"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="volunteer_task_period_in_order",
                violation_error_message=_("A task cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.task}"


class ConductCertificate(BusinessRecord):
    """A certificate of conduct (VOG) asked for a volunteer of the room: the date
    and the result only. The certificate itself is not kept."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="conduct_certificates",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="conduct_certificates",
    )
    issued_on = models.DateField(_("date"))
    result = models.CharField(_("result"), max_length=10, choices=ConductResult.choices)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate of conduct")
        verbose_name_plural = _("certificates of conduct")
        ordering = ["-issued_on"]

    def __str__(self) -> str:
        return f"{self.person} {self.issued_on}"


class VolunteerAllowance(BusinessRecord):
    """A volunteer allowance paid for one month by one room. The tax-free limits
    hold per person over all rooms together."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("volunteer"),
        on_delete=models.PROTECT,
        related_name="volunteer_allowances",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="volunteer_allowances",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    amount = money_field(_("amount"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer allowance")
        verbose_name_plural = _("volunteer allowances")
        ordering = ["-month", "person__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="volunteer_allowance_positive",
                violation_error_message=_("The amount must be more than zero."),
            )
        ]
        indexes = [models.Index(fields=["person", "month"])]

    def __str__(self) -> str:
        return f"{self.person} {self.month:%m-%Y}: {self.amount}"
