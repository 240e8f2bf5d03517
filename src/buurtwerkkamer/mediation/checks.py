"""The participation check that activities and development ask before they
record anyone: a person under a temporary exclusion is refused for its days."""

from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Exclusion


def excluded(person: Any, room_id: int, day: date) -> str | None:
    """Why the person cannot take part in the room that day, or None."""
    exclusion = (
        Exclusion.objects.filter(
            person_id=person.pk, room_id=room_id, starts_on__lte=day, ends_on__gte=day
        )
        .order_by("-ends_on")
        .first()
    )
    if exclusion is None:
        return None
    return _("%(name)s is temporarily excluded from this room until %(date)s.") % {
        "name": person,
        "date": date_format(exclusion.ends_on, "j F Y"),
    }
