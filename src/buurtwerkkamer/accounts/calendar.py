"""The private iCalendar feed of a user's deadlines, for their own calendar app."""

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from icalendar import Calendar, Event

from buurtwerkkamer.core.registry import deadlines_for


def deadline_calendar(user: Any, today: date, base_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//BuurtWerkKamer Coöperatie//Deadlines//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "BuurtWerkKamer")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for deadline in deadlines_for(user, today):
        event = Event()
        event.add(
            "uid", f"{deadline.kind}-{deadline.url}-{deadline.due}@buurtwerkkamer"
        )
        event.add("summary", deadline.title)
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + timedelta(days=1))
        event.add("dtstamp", today)
        event.add("url", base_url + deadline.url)
        if deadline.room:
            event.add("location", deadline.room)
        calendar.add_component(event)
    return calendar.to_ical()
