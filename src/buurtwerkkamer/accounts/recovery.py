"""Recovery codes: ten single-use codes that stand in for the authenticator app when
the phone is lost. They live in django-otp's static device, so a login with one
counts as a verified login everywhere django-otp is asked.

django-otp keeps static tokens in clear; we keep only a digest of each code in its
place, so a copy of the database opens no account. A code is 60 random bits; the
16 hex characters that fit django-otp's column are 64 bits of its SHA-256, so the
digest is no shortcut to guessing the code itself.
"""

import hashlib
import re
import secrets
from base64 import b32encode
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "recovery codes"
CODE_PATTERN = re.compile(r"[a-z2-7]{12}")


def make_recovery_codes(user: Any) -> list[str]:
    """Replace the user's recovery codes with ten new ones and return them, for
    showing once: only their digests are kept. The device itself stays, so its
    creation time (which dates the user's API tokens) does not move."""
    codes = [_new_code() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        device, _created = StaticDevice.objects.select_for_update().get_or_create(
            user=user, name=DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=_digest(code)) for code in codes
        )
    return [_readable(code) for code in codes]


def use_recovery_code(user: Any, typed: str) -> StaticDevice | None:
    """Spend one of the user's codes; the device it belonged to, or None when the
    code is not one of theirs. Wrong tries slow down like wrong app codes."""
    code = normalise(typed)
    if code is None:
        return None
    with transaction.atomic():
        # Locked, so that one code spent twice at the same moment counts once.
        devices = StaticDevice.objects.select_for_update().filter(
            user=user, confirmed=True
        )
        for device in devices:
            if device.verify_token(_digest(code)):
                return device
    return None


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def normalise(typed: str) -> str | None:
    """The code as stored, from what a person typed (any case, with or without
    the dashes and spaces); None when it cannot be a recovery code."""
    code = re.sub(r"[\s-]", "", typed).lower()
    return code if CODE_PATTERN.fullmatch(code) else None


def _new_code() -> str:
    return b32encode(secrets.token_bytes(10)).decode().lower()[:12]


def _readable(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()[:16]
