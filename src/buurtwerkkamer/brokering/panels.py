from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import Panel

from .constants import GRANTED, AgreementStatus, FundingStatus
from .models import AgreementParty, FundingApplication


def funding_overview(user: Any) -> Panel | None:
    """For those who read the finance: what is asked and what was granted."""
    if not roles_of(user).reads_finance:
        return None
    totals = FundingApplication.objects.visible_to(user).aggregate(
        pending=Count("pk", filter=Q(status=FundingStatus.SUBMITTED)),
        requested=Sum("amount_requested", filter=Q(status=FundingStatus.SUBMITTED)),
        granted=Sum("amount_granted", filter=Q(status__in=GRANTED)),
    )
    context = {
        "pending": totals["pending"],
        "requested": totals["requested"] or Decimal("0"),
        "granted": totals["granted"] or Decimal("0"),
    }
    return Panel(_("Funding"), "brokering/panel_funding.html", context, 30)


def organisation_agreements(user: Any) -> Panel | None:
    """For partner users: the agreements their organisation is party to."""
    organisations = roles_of(user).organisations
    if not organisations:
        return None
    parties = (
        AgreementParty.objects.filter(organisation_id__in=organisations)
        .exclude(agreement__status=AgreementStatus.DRAFT)
        .select_related("agreement__room", "organisation")
        .order_by("-agreement__created_at")[:20]
    )
    return Panel(
        _("Agreements of your organisation"),
        "brokering/panel_agreements.html",
        {"parties": list(parties)},
        15,
    )
