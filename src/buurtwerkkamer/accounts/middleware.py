"""Sends a logged-in user to the second step of logging in when they have a device
and have not yet used it, and to set one up when their role requires it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import must_use_two_factor

# Pages a user must reach before the second step: the steps themselves, logging out,
# switching language, static files.
OPEN_PREFIXES = ("/static/", "/i18n/", "/account/uitloggen/", "/account/tweestaps")


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and not request.path.startswith("/api/")
            and not user.is_verified()  # type: ignore[union-attr,attr-defined]
        ):
            query = urlencode({"next": request.get_full_path()})
            # The app, not the recovery codes: they come with it, and asking only
            # for it keeps this to one query on every page.
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                return redirect(f"{reverse('accounts:two_factor_verify')}?{query}")
            if must_use_two_factor(user):
                return redirect("accounts:two_factor_setup")
        return self.get_response(request)
