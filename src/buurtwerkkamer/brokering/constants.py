from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    COOPERATION = "cooperation", _("Cooperation agreement")
    PARTNERSHIP = "partnership", _("Partnership")
    ANNUAL = "annual", _("Annual agreement")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NEGOTIATING = "negotiating", _("In negotiation")
    SIGNED = "signed", _("Signed by all parties")
    # A signed agreement that was changed: the change waits for the parties'
    # signatures, while the terms they signed before still bind them.
    AMENDED = "amended", _("Amended, awaiting signatures")


class FundingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


DECIDED = {
    FundingStatus.GRANTED,
    FundingStatus.PARTLY_GRANTED,
    FundingStatus.REJECTED,
}
GRANTED = {FundingStatus.GRANTED, FundingStatus.PARTLY_GRANTED}

# Agreements whose parties are bound: signed by all, or signed and since amended
# (the amendment is not signed yet, the earlier signed terms still hold).
BINDING = {AgreementStatus.SIGNED, AgreementStatus.AMENDED}
# Only the brokering kinds are amended; letters of intent and cooperation
# agreements are the evidence of passed start-up gates and stay as signed.
AMENDABLE = {AgreementKind.PARTNERSHIP, AgreementKind.ANNUAL}

# Indicators that are a level (an average or a head count over the period)
# rather than a running total: they are compared with the whole target, not
# with a share of it.
LEVEL_INDICATORS = {"visitors_per_week", "active_volunteers"}

# The highest target that still makes sense, by computed indicator; an entered
# indicator in percent stops at 100, any other at DEFAULT_TARGET_BOUND.
TARGET_BOUNDS = {
    "visitors_per_week": 5000,
    "active_volunteers": 1000,
    "volunteer_hours": 200000,
    "activities_held": 20000,
    "trainings_completed": 5000,
    "placements_started": 1000,
    "placements_paid_work": 1000,
}
PERCENT_UNITS = {"%", "percent", "procent", "percentage"}
PERCENT_BOUND = 100
DEFAULT_TARGET_BOUND = 1000000
