from django.db import models
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.employer.constants import ContractKind


class PlacementKind(models.TextChoices):
    """The kinds of placement: the employer's contract kinds of the same name."""

    PERSPECTIVE_JOB = ContractKind.PERSPECTIVE_JOB.value, _("Perspective job")
    PARTICIPATION = ContractKind.PARTICIPATION.value, _("Participation placement")
    WORK_EXPERIENCE = ContractKind.WORK_EXPERIENCE.value, _("Work-experience placement")


class CandidateStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ACCEPTED = "accepted", _("Accepted")
    WAITING = "waiting", _("Waiting list")
    REJECTED = "rejected", _("Rejected")
    PLACED = "placed", _("Placed")


# What a selection interview can decide.
DECISIONS = [
    (CandidateStatus.ACCEPTED.value, CandidateStatus.ACCEPTED.label),
    (CandidateStatus.WAITING.value, CandidateStatus.WAITING.label),
    (CandidateStatus.REJECTED.value, CandidateStatus.REJECTED.label),
]


class Outcome(models.TextChoices):
    PAID_WORK = "paid_work", _("Paid work found")
    EDUCATION = "education", _("Education")
    OTHER = "other", _("Other")


class Seriousness(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
