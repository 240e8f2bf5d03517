"""What falls due in the team's records: follow-ups of work agreements and of
partner contacts, for the room's coordinator and coach."""

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.registry import Deadline

from .models import PartnerContact, WorkAgreement

# The dashboard shows the soonest few; the calendar feed gets the same.
LIMIT = 50


def follow_ups(user: Any, today: date) -> list[Deadline]:
    """Open follow-ups in the rooms where the user is coordinator or coach."""
    rooms = roles_of(user).staff_rooms
    if not rooms:
        return []
    agreements = (
        WorkAgreement.objects.filter(
            room__in=rooms, followed_up_on__isnull=True, follow_up_on__isnull=False
        )
        .select_related("room")
        .order_by("follow_up_on")[:LIMIT]
    )
    contacts = (
        PartnerContact.objects.filter(
            room__in=rooms, followed_up_on__isnull=True, follow_up_on__isnull=False
        )
        .select_related("room", "organisation")
        .order_by("follow_up_on")[:LIMIT]
    )
    found = [
        Deadline(
            due=agreement.follow_up_on,  # type: ignore[arg-type]
            title=_("Follow up: %(subject)s") % {"subject": agreement.subject},
            url=agreement.get_absolute_url(),
            room=agreement.room.name,
            kind="work_agreement",
        )
        for agreement in agreements
    ]
    found += [
        Deadline(
            due=contact.follow_up_on,  # type: ignore[arg-type]
            title=_("Follow up with %(organisation)s: %(what)s")
            % {"organisation": contact.organisation.name, "what": contact.follow_up},
            url=contact.get_absolute_url(),
            room=contact.room.name,
            kind="partner_contact",
        )
        for contact in contacts
    ]
    return found
