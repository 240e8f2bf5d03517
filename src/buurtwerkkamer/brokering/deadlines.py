from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import Deadline

from .constants import FundingStatus
from .models import FundingApplication

# The dashboard shows the soonest few; the calendar feed gets the same.
LIMIT = 50


def funding_decisions(user: Any, today: date) -> list[Deadline]:
    """Submitted applications whose decision is expected, for those who follow them."""
    pending = (
        FundingApplication.objects.visible_to(user)
        .filter(status=FundingStatus.SUBMITTED, decision_expected_on__isnull=False)
        .select_related("room", "funder")
        .order_by("decision_expected_on")[:LIMIT]
    )
    return [
        Deadline(
            due=application.decision_expected_on,  # type: ignore[arg-type]
            title=_("Decision on “%(title)s” by %(funder)s")
            % {"title": application.title, "funder": application.funder},
            url=application.get_absolute_url(),
            room=application.room.name,
            kind="funding",
        )
        for application in pending
        if user.has_perm("brokering.view_fundingapplication", application)
    ]
