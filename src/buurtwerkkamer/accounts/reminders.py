"""The daily reminder: each user gets one mail listing what falls due for them in
the coming days, and what is overdue. Run once a day (cron or a scheduler) through
`manage.py send_reminders`, which enqueues the task for the worker."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from buurtwerkkamer.core.registry import Deadline, deadlines_for

from .models import User

logger = logging.getLogger(__name__)


def due_soon(user: User, today: date) -> list[Deadline]:
    horizon = today + timedelta(days=settings.BWK_REMINDER_DAYS)
    return [
        deadline for deadline in deadlines_for(user, today) if deadline.due <= horizon
    ]


@task()
def send_deadline_reminders(day: str = "") -> int:
    """Mail every active user their deadlines; returns how many mails went out."""
    today = date.fromisoformat(day) if day else timezone.localdate()
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in User.objects.filter(is_active=True).exclude(email=""):
            deadlines = due_soon(user, today)
            if deadlines:
                _mail(user, deadlines, today)
                sent += 1
    logger.info("deadline reminders sent=%s day=%s", sent, today)
    return sent


def _mail(user: User, deadlines: list[Deadline], today: date) -> None:
    context = {"user": user, "deadlines": deadlines, "today": today}
    body = render_to_string("accounts/reminder_email.txt", context)
    subject = _("BuurtWerkKamer: %(count)s deadlines for you") % {
        "count": len(deadlines)
    }
    send_mail(subject, body, None, [user.email])
