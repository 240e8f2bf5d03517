from django.db import models
from django.utils.translation import gettext_lazy as _


class LocationStatus(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    VISITED = "visited", _("Visited")
    REJECTED = "rejected", _("Rejected")
    CHOSEN = "chosen", _("Chosen")


# The practical start-up checklist every new room begins with; a room may add items.
DEFAULT_CHECKLIST = [
    _("Keys and access arranged"),
    _("Insurance taken out"),
    _("Furniture and equipment in place"),
    _("Business bank account opened for the team leader"),
    _("House rules drawn up with the residents"),
    _("First team meeting held"),
    _("Opening announced in the neighbourhood"),
]
