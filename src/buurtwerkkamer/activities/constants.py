from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    COOKING_CLUB = "cooking_club", _("Cooking club")
    FORMS_BRIGADE = "forms_brigade", _("Forms brigade")
    COMPUTER_BRIGADE = "computer_brigade", _("Computer brigade")
    HANDYMAN_TEAM = "handyman_team", _("Handyman team")
    LANGUAGE_CLASS = "language_class", _("Language class")
    SEWING = "sewing", _("Sewing")
    OTHER = "other", _("Other")


# More visitors than this at one session is a typing error, not a busy day: the
# rooms hold a few dozen people at most.
MAX_VISITORS = 1000
MAX_HOURS = Decimal("24")
# The hours a volunteer is put down for when the schedule names no times.
USUAL_HOURS = Decimal("2.00")
