from django.db import models
from django.utils.translation import gettext_lazy as _


class Evaluator(models.TextChoices):
    """Who evaluated: an organisation from outside, or the room's own team."""

    THIRD_PARTY = "third_party", _("Third party")
    TEAM = "team", _("The team")


class TrainingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


# Learning plans look back on a year and ahead to the next; one further ahead,
# or from before the cooperative kept them, is a typing error.
FIRST_PLAN_YEAR = 2000
