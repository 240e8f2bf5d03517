"""Two-factor login with a TOTP app (django-otp). Users who see personal data must
use it where the setting asks for it; anyone may switch it on."""

import re
from base64 import b32encode
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from buurtwerkkamer.core.guards import guard

from .recovery import (
    make_recovery_codes,
    normalise,
    recovery_codes_left,
    use_recovery_code,
)


class CodeForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\d{6}$",
        label=gettext_lazy("Code from your app"),
        error_messages={"invalid": gettext_lazy("Enter the six digits from your app.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}
        ),
    )


def must_use_two_factor(user: Any) -> bool:
    return settings.BWK_REQUIRE_TWO_FACTOR and user.has_perm("accounts.use_two_factor")


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your app or a recovery code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not re.fullmatch(r"\d{6}", code) and normalise(code) is None:
            raise forms.ValidationError(
                _("Enter the six digits from your app, or one of your recovery codes.")
            )
        return code


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


@guard("core.view_dashboard")
def setup(request: HttpRequest) -> HttpResponse:
    """Show a fresh secret as a QR code; the first right code confirms the device."""
    user = request.user
    if user_has_device(user):
        return render(request, "accounts/two_factor_active.html")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "app"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            _confirm(device)
            otp_login(request, device)
            messages.success(request, _("Two-factor login is on."))
            return _show_codes(request, make_recovery_codes(user))
        form.add_error("code", _("This code is not right; try the next one."))
    context = {
        "form": form,
        "qr": mark_safe(_qr_svg(device.config_url)),  # noqa: S308  (our own SVG)
        "secret": b32encode(device.bin_key).decode(),
    }
    return render(
        request,
        "accounts/two_factor_setup.html",
        context,
        status=400 if form.errors else 200,
    )


@transaction.atomic
def _confirm(device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in, for users with a confirmed device."""
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _second_factor(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                _warn_codes_left(request)
            return redirect(_next_url(request))
        form.add_error("code", _("This code is not right; try the next one."))
    context = {"form": form, "next": request.GET.get("next", "")}
    return render(
        request,
        "accounts/two_factor_verify.html",
        context,
        status=400 if form.errors else 200,
    )


def _second_factor(user: Any, code: str) -> Any:
    """The device that accepts this code: the app for six digits, else the
    recovery codes."""
    if normalise(code) is not None:
        return use_recovery_code(user, code)
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code):
            return device
    return None


def _warn_codes_left(request: HttpRequest) -> None:
    left = recovery_codes_left(request.user)
    messages.warning(
        request,
        _(
            "You logged in with a recovery code; %(count)s are left. "
            "Make new ones under two-factor login when you run low."
        )
        % {"count": left},
    )


@guard("core.view_dashboard")
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """How many recovery codes are left; a POST replaces them all with new ones,
    shown once. Only after the second step: the set-up pages are open before it,
    and new codes made with the password alone would skip the app."""
    user = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return render(request, "accounts/recovery_codes.html", {"without_app": True})
    if not user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:two_factor_verify")
    if request.method == "POST":
        messages.success(request, _("Your old recovery codes no longer work."))
        return _show_codes(request, make_recovery_codes(user))
    context = {"left": recovery_codes_left(user)}
    return render(request, "accounts/recovery_codes.html", context)


def _show_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    return render(request, "accounts/recovery_codes_new.html", {"codes": codes})


def _next_url(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return settings.LOGIN_REDIRECT_URL
