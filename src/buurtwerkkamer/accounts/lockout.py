"""What a locked-out login gets: the API answers in JSON, as all its answers; the
site shows the page."""

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

LOCKED = 429


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    if request.path.startswith("/api/"):
        message = _(
            "Logging in failed too often. Try again in an hour, or ask for a new "
            "password."
        )
        return JsonResponse({"detail": message}, status=LOCKED)
    return render(request, "accounts/locked_out.html", status=LOCKED)
