from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    """What a work agreement records: something agreed with a member of the
    team, or a coaching conversation with them."""

    AGREEMENT = "agreement", _("Agreement")
    COACHING = "coaching", _("Coaching conversation")


# Yearly goals from before the cooperative kept them, or further ahead than the
# next year, are typing errors.
FIRST_GOAL_YEAR = 2000
