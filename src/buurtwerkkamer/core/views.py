from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .guards import guard
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
