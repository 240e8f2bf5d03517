from typing import Any

from django.db.models import QuerySet

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.rooms.models import Room

from .constants import AgreementStatus
from .models import Agreement, AgreementParty


def agreements_for(user: Any, room: Room) -> QuerySet[Agreement]:
    """The room's agreements this user may read: all for the cooperative and the
    room's staff; for a partner, those their organisation is party to, out of draft."""
    roles = roles_of(user)
    agreements = room.agreements.all()
    if roles.reads_all or room.pk in roles.staff_rooms:
        return agreements
    parties = AgreementParty.objects.filter(organisation_id__in=roles.organisations)
    return agreements.exclude(status=AgreementStatus.DRAFT).filter(
        pk__in=parties.values("agreement_id")
    )


def parties_for(agreement: Agreement) -> QuerySet[AgreementParty]:
    return agreement.parties.select_related("organisation")
