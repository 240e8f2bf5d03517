from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    TEAM = "team", _("Team meeting")
    WORK = "work", _("Work meeting")
    PARTNER = "partner", _("Annual partner meeting")
    COACHING = "coaching", _("Coaching session")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


# Only a work meeting can be held for the whole cooperative; the others belong
# to one room: its team, its partners, the coaching of its coordinator.
COOPERATIVE_KINDS = {MeetingKind.WORK}
