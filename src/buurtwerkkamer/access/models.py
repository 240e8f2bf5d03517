from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .constants import COOPERATIVE_ROLES, ORGANISATION_ROLES, ROOM_ROLES, Role


class Grant(BusinessRecord):
    """A role held by a user: cooperative-wide, for one room, or for one partner
    organisation. A user may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="grants",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="grants",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="grants",
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "room", "organisation"],
                name="grant_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        role__in=sorted(COOPERATIVE_ROLES),
                        room__isnull=True,
                        organisation__isnull=True,
                    )
                    | Q(
                        role__in=sorted(ROOM_ROLES),
                        room__isnull=False,
                        organisation__isnull=True,
                    )
                    | Q(
                        role__in=sorted(ORGANISATION_ROLES),
                        room__isnull=True,
                        organisation__isnull=False,
                    )
                ),
                name="grant_scope_fits_role",
            ),
        ]

    def __str__(self) -> str:
        scope = self.room or self.organisation
        label = self.get_role_display()
        return f"{label} ({scope})" if scope else str(label)

    def clean(self) -> None:
        role = Role(self.role)
        if role in ROOM_ROLES and not self.room_id:
            raise ValidationError({"room": _("This role is held for a room.")})
        if role in ORGANISATION_ROLES and not self.organisation_id:
            raise ValidationError(
                {"organisation": _("This role is held for an organisation.")}
            )
        if role in COOPERATIVE_ROLES and (self.room_id or self.organisation_id):
            raise ValidationError(_("This role holds for the whole cooperative."))
