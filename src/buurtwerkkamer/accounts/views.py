import uuid
from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.guards import guard

from .calendar import deadline_calendar
from .models import User


def calendar_feed(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    """Calendar apps cannot log in: the unguessable token in the address is the key."""
    user = User.objects.filter(calendar_token=token, is_active=True).first()
    if user is None:
        raise Http404
    base_url = request.build_absolute_uri("/").rstrip("/")
    body = deadline_calendar(user, timezone.localdate(), base_url)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@guard("core.view_dashboard")
def calendar_settings(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/calendar.html")


@guard("core.view_dashboard")
@require_POST
def calendar_renew(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    user.calendar_token = uuid.uuid4()
    user.save(update_fields=["calendar_token"])
    messages.success(
        request, _("Your calendar has a new address; the old one no longer works.")
    )
    return redirect("accounts:calendar")
