from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import AddressFields, BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.core.validators import validate_postcode
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .constants import LocationStatus


class Talk(BusinessRecord):
    """A talk with a potential partner or funder about a new room."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="talks"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="talks",
    )
    held_on = models.DateField(_("held on"))
    summary = models.TextField(_("summary"))
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("talk")
        verbose_name_plural = _("talks")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.held_on:%d-%m-%Y}"

    def clean(self) -> None:
        if self.held_on and self.follow_up_on and self.follow_up_on < self.held_on:
            raise ValidationError(
                {"follow_up_on": _("The follow-up cannot come before the talk.")}
            )


class Location(BusinessRecord, AddressFields):
    """A candidate location for a new room; at most one is chosen."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="locations"
    )
    floor_area = models.DecimalField(
        _("floor area (m²)"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("1"))],
    )
    monthly_rent = models.DecimalField(
        _("monthly rent"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    landlord = models.ForeignKey(
        Organisation,
        verbose_name=_("landlord"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=LocationStatus.choices,
        default=LocationStatus.CANDIDATE,
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["street", "house_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["room"],
                condition=Q(status=LocationStatus.CHOSEN),
                name="one_chosen_location_per_room",
                violation_error_message=_("A room has one chosen location."),
            ),
            models.CheckConstraint(
                condition=Q(monthly_rent__isnull=True) | Q(monthly_rent__gte=0),
                name="location_rent_not_negative",
                violation_error_message=_("The rent cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.address

    def clean(self) -> None:
        # A candidate location is an address: without street and postcode nobody
        # can go and look at it.
        errors = {
            field: _("This field is required.")
            for field in ("street", "postcode")
            if not getattr(self, field)
        }
        if errors:
            raise ValidationError(errors)
        validate_postcode(self.postcode)


class ChecklistItem(BusinessRecord):
    """One step of the practical start of a room."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="checklist"
    )
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class StageChange(BusinessRecord):
    """A gate passed: by whom, when, and, when the board passed it without the
    evidence, why."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.PROTECT,
        related_name="stage_changes",
    )
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    override_reason = models.TextField(
        _("reason for passing without evidence"), blank=True
    )
    missing = models.TextField(_("evidence missing at the time"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.room}: {self.from_stage} → {self.to_stage}"
