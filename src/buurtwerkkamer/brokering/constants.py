from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
    COOPERATION = "cooperation", _("Cooperation agreement")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NEGOTIATING = "negotiating", _("In negotiation")
    SIGNED = "signed", _("Signed by all parties")


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
