from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberKind(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    VOLUNTEER = "volunteer", _("Volunteer")
    PARTICIPANT = "participant", _("Participant")
