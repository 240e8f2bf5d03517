from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BOARD = "board", _("Board member")
    TREASURER = "treasurer", _("Treasurer")
    PROJECT_COACH = "project_coach", _("Project coach")
    TEAM_COORDINATOR = "team_coordinator", _("Team coordinator")
    VOLUNTEER = "volunteer", _("Volunteer")
    AUDIT_COMMITTEE = "audit_committee", _("Audit committee member")
    ACCOUNTANT = "accountant", _("Accountant")
    PARTNER = "partner", _("Partner")


COOPERATIVE_ROLES = {
    Role.BOARD,
    Role.TREASURER,
    Role.AUDIT_COMMITTEE,
    Role.ACCOUNTANT,
}
ROOM_ROLES = {Role.PROJECT_COACH, Role.TEAM_COORDINATOR, Role.VOLUNTEER}
ORGANISATION_ROLES = {Role.PARTNER}
# Roles that read everything but case files: the board and the treasurer.
READ_ALL_ROLES = {Role.BOARD, Role.TREASURER}
# Roles that read all finance: those two and the ones who check the money.
FINANCE_ROLES = COOPERATIVE_ROLES
# Roles that see personal data or money and therefore need two-factor login in
# production: every role but the volunteer's and the partner's.
PERSONAL_DATA_ROLES = {
    Role.BOARD,
    Role.TREASURER,
    Role.PROJECT_COACH,
    Role.TEAM_COORDINATOR,
    Role.AUDIT_COMMITTEE,
    Role.ACCOUNTANT,
}
