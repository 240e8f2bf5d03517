from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    HOUSING_ASSOCIATION = "housing_association", _("Housing association")
    BENEFITS_AGENCY = "benefits_agency", _("Benefits agency")
    FUND = "fund", _("Fund")
    RESIDENTS_ASSOCIATION = "residents_association", _("Residents' association")
    OTHER = "other", _("Other")
