from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """The life of a room; the start-up gates guard the first six steps in order."""

    EXPLORING = "exploring", _("Exploring")
    INTENT_SIGNED = "intent_signed", _("Letters of intent signed")
    LOCATION_FOUND = "location_found", _("Location found")
    FUNDED = "funded", _("Funded")
    AGREEMENTS_SIGNED = "agreements_signed", _("Cooperation agreements signed")
    OPERATIONAL = "operational", _("Operational")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


START_UP_ORDER = [
    Stage.EXPLORING,
    Stage.INTENT_SIGNED,
    Stage.LOCATION_FOUND,
    Stage.FUNDED,
    Stage.AGREEMENTS_SIGNED,
    Stage.OPERATIONAL,
]
