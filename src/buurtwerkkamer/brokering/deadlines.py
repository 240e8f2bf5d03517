from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import Deadline

from .constants import FundingStatus
from .models import FundingApplication, ReportingDate
from .queries import (
    deadline,
    in_annual_cycle,
    reminded_rooms,
    rooms_without_signed_agreement,
)

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


def annual_agreements(user: Any, today: date) -> list[Deadline]:
    """Rooms of the user's in the annual cycle without a signed annual agreement
    for next year (and, overdue, for this one), due on the cooperative's
    deadline before the year."""
    found = []
    for year in (today.year, today.year + 1):
        due = deadline(year)
        rooms = in_annual_cycle(reminded_rooms(user), year)
        for room in rooms_without_signed_agreement(rooms, year)[:LIMIT]:
            found.append(
                Deadline(
                    due=due,
                    title=_("Annual agreement %(year)s signed") % {"year": year},
                    url=reverse("brokering:room", kwargs={"room": room.slug}),
                    room=room.name,
                    kind="agreement",
                )
            )
    return found


def reporting_dates(user: Any, today: date) -> list[Deadline]:
    """Reports that funders wait for, for the room's coordinator, coach and the
    board; done ones drop off."""
    dates = (
        ReportingDate.objects.filter(
            done_on__isnull=True, application__room__in=reminded_rooms(user)
        )
        .select_related("application__room", "application__funder")
        .order_by("due_on")[:LIMIT]
    )
    return [
        Deadline(
            due=item.due_on,
            title=_("Report to %(funder)s: %(subject)s")
            % {"funder": item.application.funder, "subject": item.subject},
            url=item.application.get_absolute_url(),
            room=item.application.room.name,
            kind="funding",
        )
        for item in dates
    ]
