"""Authentication by personal API token (`Authorization: Token <key>`).

Apart from api/auth.py, which holds the token endpoint, because DRF imports the
authentication classes while its views module is still loading: a class next to
an APIView would import itself in a circle."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class ApiTokenAuthentication(TokenAuthentication):
    """DRF's header handling; the key looked up by its digest in our tokens,
    which expire and can be revoked. Any key that does not work gets 401."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        from buurtwerkkamer.accounts.tokens import token_for_key

        token = token_for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("This token is unknown, expired or revoked.")
            )
        return token.user, token
