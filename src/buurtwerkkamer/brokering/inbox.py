from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import InboxItem

from .constants import AgreementStatus
from .models import AgreementParty


def signatures_awaited(user: Any) -> list[InboxItem]:
    """A partner user sees the agreements their organisation has yet to sign."""
    organisations = roles_of(user).organisations
    if not organisations:
        return []
    parties = (
        AgreementParty.objects.filter(
            organisation_id__in=organisations, signed_on__isnull=True
        )
        .exclude(agreement__status=AgreementStatus.DRAFT)
        .select_related("agreement__room", "organisation")[:20]
    )
    return [
        InboxItem(
            title=_("Signature of %(organisation)s on “%(agreement)s”")
            % {"organisation": party.organisation, "agreement": party.agreement},
            url=party.agreement.get_absolute_url(),
            room=party.agreement.room.name,
        )
        for party in parties
    ]
