"""Contracts of every kind the cooperative makes with people: employment and
freelance contracts of paid staff, the placements of people far from the
labour market, and volunteer agreements.

An extension is a new contract that points to the one it extends (`previous`),
not a changed end date: each period keeps its own hours, pay and signed
document, and the chain is the history a participation placement's total
duration is counted over."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.fields import money_field
from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from ..constants import PLACEMENT_KINDS, STAFF_KINDS, ContractKind, PayBasis, Position


class Contract(BusinessRecord):
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContractKind.choices)
    position = models.CharField(
        _("position"),
        max_length=20,
        choices=Position.choices,
        blank=True,
        help_text=_("For paid staff."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Empty for an open end.")
    )
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    pay = money_field(_("pay, fee or allowance"), default=0)
    pay_basis = models.CharField(
        _("paid"), max_length=10, choices=PayBasis.choices, default=PayBasis.MONTH
    )
    rooms = models.ManyToManyField(
        Room, verbose_name=_("rooms served"), related_name="contracts"
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("signed contract"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    trial_ends_on = models.DateField(_("trial period ends on"), null=True, blank=True)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("extension of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="extension",
    )
    end_reason = models.CharField(
        _("reason for ending early"), max_length=300, blank=True
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["-starts_on", "person__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="contract_period_in_order",
                violation_error_message=_("A contract cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(pay__gte=0),
                name="contract_pay_not_negative",
                violation_error_message=_("Pay is not negative."),
            ),
        ]
        indexes = [models.Index(fields=["kind", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.person}"

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("A contract cannot end before it starts.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("employer:contract", kwargs={"contract": self.uuid})

    @property
    def is_staff(self) -> bool:
        return self.kind in STAFF_KINDS

    @property
    def is_placement(self) -> bool:
        return self.kind in PLACEMENT_KINDS

    @property
    def room_ids(self) -> set[int]:
        """The rooms served; from the prefetched rooms when the query loaded them."""
        return {room.pk for room in self.rooms.all()}

    def runs_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class ContractEvaluation(BusinessRecord):
    """A planned evaluation of a contract (of a placement, say), on the list of
    deadlines until it is held."""

    contract = models.ForeignKey(
        Contract,
        verbose_name=_("contract"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    due_on = models.DateField(_("planned on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract evaluation")
        verbose_name_plural = _("contract evaluations")
        ordering = ["due_on"]
        indexes = [models.Index(fields=["held_on", "due_on"])]

    def __str__(self) -> str:
        return f"{self.contract} {self.due_on}"

    def get_absolute_url(self) -> str:
        return self.contract.get_absolute_url()

    # The permissions ask an evaluation what they ask its contract.
    @property
    def kind(self) -> str:
        return self.contract.kind

    @property
    def room_ids(self) -> set[int]:
        return self.contract.room_ids
