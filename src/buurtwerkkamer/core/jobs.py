"""Slow work as a job with visible progress (DESIGN.md section 6): a view starts
a job, the task worker runs the handler its app registered, and the job page
shows how far it is and then what came out.

A handler gets the job and a `Progress` to report steps on. It reports between
its own transactions, never inside one: on SQLite a second writer would wait for
the handler's transaction to end. It returns a dict for the result page, or
raises ValidationError, whose messages the user sees, with nothing changed.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Job, JobStatus

logger = logging.getLogger(__name__)


class Progress:
    """Reports a job's progress; each report is saved at once, for the page."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def __call__(self, stage: str, done: int, total: int) -> None:
        Job.objects.filter(pk=self.job.pk).update(
            stage=stage[:200],
            steps_done=done,
            steps_total=max(total, 1),
            updated_at=timezone.now(),
        )


Handler = Callable[[Job, Progress], dict[str, Any]]


@dataclass(frozen=True)
class JobKind:
    handler: Handler
    result_template: str
    title: Any


_kinds: dict[str, JobKind] = {}


def register_job(kind: str, handler: Handler, result_template: str, title: Any) -> None:
    _kinds[kind] = JobKind(handler, result_template, title)


def kind_of(job: Job) -> JobKind:
    return _kinds[job.kind]


def stalled_after() -> timedelta:
    """How long a running job may go without a sign of life. Its handler's own
    transaction gives none, so this must exceed the longest one (a large
    statement import on a busy server)."""
    return timedelta(seconds=getattr(settings, "BWK_JOB_STALLED_AFTER", 30 * 60))


def end_stalled(job: Job | None = None) -> int:
    """End as failed the running jobs (or this one) that gave no sign of life
    for too long: their worker was killed or the server went down. What they
    did was one transaction, rolled back when the process died, so the user can
    start the job again. Returns how many were ended."""
    cutoff = timezone.now() - stalled_after()
    if job is not None and (job.status != JobStatus.RUNNING or job.updated_at > cutoff):
        return 0
    stalled = Job.objects.filter(status=JobStatus.RUNNING, updated_at__lt=cutoff)
    if job is not None:
        stalled = stalled.filter(pk=job.pk)
    ended = 0
    for pk, language in stalled.values_list("pk", "language"):
        with translation.override(language):
            message = _(
                "The work stopped before it ended: the server was interrupted. "
                "Nothing was changed; start it again."
            )
        # Still stalled: a worker that was only slow may have ended it since.
        ended += Job.objects.filter(
            pk=pk, status=JobStatus.RUNNING, updated_at__lt=cutoff
        ).update(
            status=JobStatus.FAILED,
            errors=[message],
            payload=b"",
            stage="",
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
    if ended:
        logger.warning("stalled jobs ended count=%s", ended)
    return ended


def start_job(kind: str, user: Any, *, payload: bytes = b"", name: str = "") -> Job:
    """Record a job and hand it to the task worker."""
    if kind not in _kinds:
        raise LookupError(f"No job handler for {kind!r}.")
    end_stalled()
    job = Job.objects.create(
        kind=kind,
        user=user,
        language=translation.get_language() or "nl",
        payload=payload,
        payload_name=name[:255],
        stage=_("Waiting for the worker."),
    )
    run_job.enqueue(str(job.uuid))
    return job


@task()
def run_job(job_uuid: str) -> None:
    """Run a job once: a job already taken by another worker is left alone."""
    taken = Job.objects.filter(uuid=job_uuid, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, updated_at=timezone.now()
    )
    if not taken:
        return
    job = Job.objects.select_related("user").get(uuid=job_uuid)
    with translation.override(job.language):
        _run(job)


def _run(job: Job) -> None:
    try:
        result = kind_of(job).handler(job, Progress(job))
    except ValidationError as error:
        _end(job, JobStatus.FAILED, errors=error.messages)
    except Exception:  # noqa: BLE001 - the job records it; the log has the trace
        logger.exception("job failed kind=%s job=%s", job.kind, job.uuid)
        _end(
            job,
            JobStatus.FAILED,
            errors=[_("Something went wrong; nothing was changed.")],
        )
    else:
        _end(job, JobStatus.DONE, result=result)


def _end(
    job: Job,
    status: str,
    *,
    result: dict[str, Any] | None = None,
    errors: list[str] | None = None,
) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=status,
        result=result or {},
        errors=errors or [],
        payload=b"",
        steps_done=F("steps_total"),
        stage="",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    logger.info("job ended kind=%s job=%s status=%s", job.kind, job.uuid, status)
