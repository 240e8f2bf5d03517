"""A job whose worker was killed stays "running" with no sign of life; after a
while it is shown as failed, with nothing changed, and the work can be started
again."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.core import jobs
from buurtwerkkamer.core.models import Job, JobStatus
from tests.personas import World

RESULT = "finance/bank/import_result.html"


def echo(job: Job, progress: jobs.Progress) -> dict[str, int]:
    return {"bytes": len(bytes(job.payload))}


@pytest.fixture(autouse=True)
def _kind(settings) -> None:  # noqa: ANN001
    settings.BWK_JOB_STALLED_AFTER = 600
    jobs.register_job("test.echo", echo, RESULT, "Echo")


def running(world: World, *, silent_for: int) -> Job:
    job = Job.objects.create(
        kind="test.echo",
        user=world.users["treasurer"],
        language="nl",
        status=JobStatus.RUNNING,
        payload=b"afschrift",
    )
    # updated_at is set on save; the worker's last sign of life is put back.
    last = timezone.now() - datetime.timedelta(seconds=silent_for)
    Job.objects.filter(pk=job.pk).update(updated_at=last)
    job.refresh_from_db()
    return job


def test_a_silent_running_job_is_shown_as_failed(client, world: World) -> None:
    job = running(world, silent_for=601)
    client.force_login(world.users["treasurer"])

    page = client.get(reverse("core:job", kwargs={"job": job.uuid}))

    job.refresh_from_db()
    assert page.status_code == 200
    assert job.status == JobStatus.FAILED
    assert len(job.errors) == 1
    assert job.errors[0] in page.content.decode()
    assert job.payload == b""
    assert "hx-get" not in page.content.decode()


def test_a_running_job_with_a_recent_sign_of_life_keeps_running(
    world: World,
) -> None:
    job = running(world, silent_for=599)

    ended = jobs.end_stalled(job)

    job.refresh_from_db()
    assert (ended, job.status) == (0, JobStatus.RUNNING)


def test_reported_progress_counts_as_a_sign_of_life(world: World) -> None:
    job = running(world, silent_for=601)

    jobs.Progress(job)("regels lezen", 1, 2)

    assert jobs.end_stalled() == 0


def test_starting_a_job_ends_the_stalled_ones_and_runs_the_new_one(
    world: World,
) -> None:
    stalled = running(world, silent_for=601)

    again = jobs.start_job("test.echo", world.users["treasurer"], payload=b"abc")

    stalled.refresh_from_db()
    again.refresh_from_db()
    assert stalled.status == JobStatus.FAILED
    assert (again.status, again.result) == (JobStatus.DONE, {"bytes": 3})
