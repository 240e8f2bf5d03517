"""Two-factor login holds for the API as it does for the pages: a session counts
only once its second step is done, and a token only when it was handed out after
the code was checked."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user
from django_otp.models import Device
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from buurtwerkkamer.accounts.models import ApiToken
from buurtwerkkamer.accounts.two_factor import must_use_two_factor

CONFIRM_FIRST = gettext_lazy(
    "Confirm your login with the code from your authenticator app first."
)
TOKEN_FROM_BEFORE = gettext_lazy(
    "This token dates from before two-factor login was switched on. "
    "Request a new one with the code from your authenticator app."
)


def switch_on_first() -> str:
    url = reverse("accounts:two_factor_setup")
    return _("Switch on two-factor login first at %(url)s.") % {"url": url}


def confirmed_devices(user: Any) -> list[Device]:
    return list(devices_for_user(user, confirmed=True))


def predates_devices(token: ApiToken, devices: list[Device]) -> bool:
    """Whether the token was handed out before two-factor login was switched on,
    and so without the code. A device from before django-otp kept creation times
    has none; such a device cannot tell, and the token stands.

    django-otp records when a device was made, which for the app is when its
    set-up page first opened; the recovery codes are made when the first code
    confirms the app, so with them a token asked for in between counts as older.
    """
    created = [getattr(device, "created_at", None) for device in devices]
    return any(moment and moment > token.created for moment in created)


def refusal(request: Request) -> str | None:
    """Why this authenticated request does not count as a full login, if it does
    not."""
    user = request.user
    devices = confirmed_devices(user)
    if not devices:
        return switch_on_first() if must_use_two_factor(user) else None
    if isinstance(request.auth, ApiToken):
        stale = predates_devices(request.auth, devices)
        return str(TOKEN_FROM_BEFORE) if stale else None
    # A session: django-otp's middleware marks it verified after the second step.
    verified = getattr(user, "is_verified", None)
    if verified is None or not verified():
        return str(CONFIRM_FIRST)
    return None


class SecondFactorPermission(BasePermission):
    """Refuses with 403 a login that skipped its second step. Anonymous requests
    pass here; the policy answers them with 401."""

    message = ""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return True
        reason = refusal(request)
        if reason is not None:
            self.message = reason
            return False
        return True
