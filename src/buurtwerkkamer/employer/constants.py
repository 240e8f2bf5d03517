from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractKind(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    FREELANCE = "freelance", _("Freelance (ZZP)")
    PERSPECTIVE_JOB = "perspective_job", _("Perspective job")
    PARTICIPATION = "participation", _("Participation placement")
    WORK_EXPERIENCE = "work_experience", _("Work-experience placement")
    VOLUNTEER = "volunteer", _("Volunteer agreement")


# Paid staff: the board hires them, the treasurer pays them.
STAFF_KINDS = {ContractKind.EMPLOYMENT, ContractKind.FREELANCE}
# Placements of people far from the labour market: case files (DESIGN.md
# section 2), made and managed through the placements app.
PLACEMENT_KINDS = {
    ContractKind.PERSPECTIVE_JOB,
    ContractKind.PARTICIPATION,
    ContractKind.WORK_EXPERIENCE,
}


class Position(models.TextChoices):
    TEAM_COORDINATOR = "team_coordinator", _("Team coordinator")
    PROJECT_COACH = "project_coach", _("Project coach")
    OTHER = "other", _("Other position")


class PayBasis(models.TextChoices):
    MONTH = "month", _("per month")
    HOUR = "hour", _("per hour")
    NONE = "none", _("unpaid")


class Decision(models.TextChoices):
    PENDING = "pending", _("Not decided")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Rejected")


class ConductResult(models.TextChoices):
    ISSUED = "issued", _("Issued")
    REFUSED = "refused", _("Refused")


# How far ahead a contract's end, trial period or evaluation shows as a
# deadline: long enough to decide on an extension.
DEADLINE_DAYS = 60
