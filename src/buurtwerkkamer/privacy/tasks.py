"""The daily retention task, enqueued by `manage.py apply_retention` (from cron
or a systemd timer) and run by the task worker."""

import logging
from datetime import date

from django.utils import timezone
from django_tasks import task

from .services import apply_retention

logger = logging.getLogger(__name__)


@task()
def retention(day: str = "") -> dict[str, int]:
    """Erase what is past its retention, as of `day` (YYYY-MM-DD) or today."""
    today = date.fromisoformat(day) if day else timezone.localdate()
    done = apply_retention(today)
    logger.info("Retention applied for %s: %s", today, done)
    return done
