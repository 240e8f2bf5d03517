"""Personal API tokens: made with an expiry, shown once, revocable.

The key is 256 random bits; a plain SHA-256 of it is enough to look it up and
useless to whoever copies the table (a slow password hash would only cost every
API request its time)."""

import datetime
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ApiToken

KEY_MARK = "bwk_"
# Marking the last use costs a write; once a minute is precise enough to tell a
# token in use from a forgotten one.
LAST_USED_STEP = datetime.timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def issue_token(user: Any, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """Make a token for the user, valid for `days` (the default when None); return
    it with its key, which is not kept and cannot be shown again."""
    days = settings.BWK_API_TOKEN_DAYS if days is None else days
    if not 1 <= days <= settings.BWK_API_TOKEN_MAX_DAYS:
        raise ValidationError(
            {
                "days": _("A token is valid for 1 to %(max)s days.")
                % {"max": settings.BWK_API_TOKEN_MAX_DAYS}
            }
        )
    key = KEY_MARK + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        key_hash=hash_key(key),
        prefix=key[: len(KEY_MARK) + 6],
        created=now,
        expires=now + datetime.timedelta(days=days),
    )
    return token, key


@transaction.atomic
def revoke_token(token: ApiToken) -> None:
    """Stop the token working from now on; revoking twice keeps the first time."""
    ApiToken.objects.filter(pk=token.pk, revoked__isnull=True).update(
        revoked=timezone.now()
    )
    token.refresh_from_db(fields=["revoked"])


def token_for_key(key: str) -> ApiToken | None:
    """The working token with this key, its user loaded; None for an unknown,
    expired or revoked key, or a deactivated user."""
    token = (
        ApiToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()
    )
    now = timezone.now()
    if token is None or not token.works_at(now) or not token.user.is_active:
        return None
    if token.last_used is None or now - token.last_used >= LAST_USED_STEP:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token
