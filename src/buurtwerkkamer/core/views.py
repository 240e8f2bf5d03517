from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.defaults import page_not_found
from rest_framework.exceptions import NotFound

from .guards import guard
from .jobs import end_stalled, kind_of
from .models import Job
from .registry import deadlines_for, inbox_for, panels_for


@guard("core.view_dashboard")
def dashboard(request: HttpRequest) -> HttpResponse:
    """What falls due, what waits for the user, and the panels the apps registered
    (their rooms, for one): the same shell, filled per role."""
    today = timezone.localdate()
    context = {
        "today": today,
        "deadlines": deadlines_for(request.user, today)[:30],
        "inbox": inbox_for(request.user),
        "panels": panels_for(request.user),
    }
    return render(request, "core/dashboard.html", context)


def job_for(user: Any, job: str) -> Job:
    # A job is its starter's alone: anyone else is told it does not exist.
    found = get_object_or_404(Job, uuid=job, user=user)
    if end_stalled(found):
        found.refresh_from_db()
    return found


@guard("core.view_job", load=job_for)
def job(request: HttpRequest, job: Job) -> HttpResponse:
    """How far a job is, refreshed by htmx while it runs; its outcome after."""
    context = {"job": job, "kind": kind_of(job)}
    if getattr(request, "htmx", False):
        return render(request, "core/job_status.html", context)
    return render(request, "core/job.html", context)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """An address nobody serves: the API answers in JSON, as its clients (and its
    schema) expect of every answer, the rest with the page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return page_not_found(request, exception)
