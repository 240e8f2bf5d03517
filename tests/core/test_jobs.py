"""Slow work runs as a job: its progress shows on a page of its own, its
outcome after, and only the user who started it sees either."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from buurtwerkkamer.core import jobs
from buurtwerkkamer.core.models import Job, JobStatus
from tests.personas import World

RESULT = "finance/bank/import_result.html"
SEEN: list[tuple[str, int, int]] = []


def counting(job: Job, progress: jobs.Progress) -> dict[str, int]:
    progress("halfway", 1, 2)
    SEEN.append(Job.objects.values_list("stage", "steps_done", "steps_total").get())
    return {"bytes": len(bytes(job.payload))}


def refusing(job: Job, progress: jobs.Progress) -> dict[str, int]:
    raise ValidationError("Dit bestand past niet.")


def breaking(job: Job, progress: jobs.Progress) -> dict[str, int]:
    raise RuntimeError("a bug")


@pytest.fixture(autouse=True)
def _kinds() -> None:
    jobs.register_job("test.count", counting, RESULT, "Tellen")
    jobs.register_job("test.refuse", refusing, RESULT, "Nee")
    jobs.register_job("test.break", breaking, RESULT, "Stuk")


def test_a_job_reports_progress_and_ends_with_its_result(world: World) -> None:
    SEEN.clear()
    job = jobs.start_job("test.count", world.users["treasurer"], payload=b"abc")

    job.refresh_from_db()
    assert SEEN == [("halfway", 1, 2)]
    assert (job.status, job.result, job.percent) == (JobStatus.DONE, {"bytes": 3}, 100)
    assert job.payload == b""
    assert job.finished_at is not None


def test_a_refusal_is_kept_as_the_jobs_errors(world: World) -> None:
    job = jobs.start_job("test.refuse", world.users["treasurer"], payload=b"x")

    job.refresh_from_db()
    assert (job.status, job.errors) == (JobStatus.FAILED, ["Dit bestand past niet."])
    assert job.payload == b""


def test_a_failing_handler_ends_the_job_without_leaking_the_error(
    world: World,
) -> None:
    job = jobs.start_job("test.break", world.users["treasurer"])

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "a bug" not in " ".join(job.errors)
    assert len(job.errors) == 1


def test_a_job_runs_once(world: World) -> None:
    SEEN.clear()
    job = jobs.start_job("test.count", world.users["treasurer"])

    jobs.run_job.call(str(job.uuid))

    assert len(SEEN) == 1


def test_an_unknown_kind_is_not_started(world: World) -> None:
    with pytest.raises(LookupError):
        jobs.start_job("test.unknown", world.users["treasurer"])
    assert not Job.objects.exists()


def test_a_running_job_shows_its_progress_and_polls(client, world: World) -> None:
    job = Job.objects.create(
        kind="test.count",
        user=world.users["treasurer"],
        language="nl",
        status=JobStatus.RUNNING,
        steps_done=1,
        steps_total=4,
        stage="regels lezen",
    )
    client.force_login(world.users["treasurer"])
    url = reverse("core:job", kwargs={"job": job.uuid})

    page = client.get(url).content.decode()
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()

    assert 'value="25"' in page
    assert "regels lezen" in page
    assert f'hx-get="{url}"' in page
    assert "<html" not in partial
    assert 'value="25"' in partial


def test_an_ended_job_stops_polling(client, world: World) -> None:
    job = Job.objects.create(
        kind="test.refuse",
        user=world.users["treasurer"],
        language="nl",
        status=JobStatus.FAILED,
        errors=["Dit bestand past niet."],
    )
    client.force_login(world.users["treasurer"])

    page = client.get(reverse("core:job", kwargs={"job": job.uuid})).content.decode()

    assert "hx-get" not in page
    assert "Dit bestand past niet." in page


@pytest.mark.parametrize("role", ["board", "accountant", "team_coordinator"])
def test_no_one_else_sees_a_job(client, world: World, role: str) -> None:
    job = jobs.start_job("test.count", world.users["treasurer"])
    client.force_login(world.users[role])

    response = client.get(reverse("core:job", kwargs={"job": job.uuid}))

    assert response.status_code == 404
