from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    """How a mediation case ended. Every case aims at keeping everyone on
    board: an exclusion is the last resort, and temporary."""

    AGREEMENT = "agreement", _("Agreement reached")
    REFERRED = "referred", _("Referred elsewhere")
    EXCLUSION = "exclusion", _("Temporary exclusion")
    OTHER = "other", _("Other")
