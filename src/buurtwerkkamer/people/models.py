"""Natural persons, with only the fields the cooperative needs, and its register of
members."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.rooms.models import Room

from .constants import MemberKind


class Person(BusinessRecord):
    """A resident, volunteer, participant or staff member."""

    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=120)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    rooms = models.ManyToManyField(
        Room, verbose_name=_("rooms"), related_name="people", blank=True
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self) -> str:
        return reverse("people:detail", kwargs={"person": self.uuid})


class Membership(BusinessRecord):
    """A line in the cooperative's register of members."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    number = models.PositiveIntegerField(_("member number"), unique=True)
    kind = models.CharField(
        _("kind of member"), max_length=20, choices=MemberKind.choices
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="membership_left_after_joined",
                violation_error_message=_("A member cannot leave before joining."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.person}"

    def clean(self) -> None:
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError(
                {"left_on": _("A member cannot leave before joining.")}
            )

    @property
    def is_active(self) -> bool:
        return self.left_on is None
