"""Exchanging an e-mail address and password for a personal API token, for programs
that log in themselves; people make theirs on their account page."""

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from buurtwerkkamer.accounts.models import ApiToken
from buurtwerkkamer.accounts.recovery import normalise, use_recovery_code
from buurtwerkkamer.accounts.tokens import issue_token
from buurtwerkkamer.accounts.two_factor import must_use_two_factor

from .two_factor import confirmed_devices, predates_devices, switch_on_first


class LoginSerializer(serializers.Serializer):
    email = serializers.EmailField(label=_("E-mail address"))
    password = serializers.CharField(
        label=_("Password"), trim_whitespace=False, style={"input_type": "password"}
    )
    otp_token = serializers.CharField(
        label=_("Code from the authenticator app"),
        required=False,
        allow_blank=True,
        help_text=_(
            "Required for accounts with two-factor login; a recovery code also works."
        ),
    )
    name = serializers.CharField(
        label=_("Name"), max_length=100, required=False, default="API"
    )
    days = serializers.IntegerField(
        label=_("Valid for (days)"),
        required=False,
        min_value=1,
        max_value=settings.BWK_API_TOKEN_MAX_DAYS,
        default=settings.BWK_API_TOKEN_DAYS,
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # Django's request, not DRF's wrapper: axes marks a locked-out client on it.
        request = self.context["request"]._request
        user = authenticate(
            request, username=attrs["email"].lower(), password=attrs["password"]
        )
        if user is None:
            raise serializers.ValidationError(
                _("This e-mail address and password do not match."),
                code="authorization",
            )
        devices = confirmed_devices(user)
        if not devices and must_use_two_factor(user):
            # Right password, but the account may not work without its second
            # factor; it is refused, not the request malformed.
            raise exceptions.PermissionDenied(switch_on_first())
        if devices and not second_factor_holds(user, attrs):
            raise serializers.ValidationError(
                _("The code from the authenticator app is not correct."),
                code="authorization",
            )
        attrs["user"], attrs["devices"] = user, devices
        return attrs


@transaction.atomic
def second_factor_holds(user: Any, attrs: dict[str, Any]) -> bool:
    """A token is as good as a login, so an account with two-factor login needs
    its code here too, or one of the recovery codes. Each device throttles its own
    failed tries."""
    code = (attrs.get("otp_token") or "").strip()
    if not code:
        return False
    if normalise(code) is not None:
        return use_recovery_code(user, code) is not None
    devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    return any(device.verify_token(code) for device in devices)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    expires = serializers.DateTimeField(read_only=True)


class ObtainTokenView(APIView):
    """POST an e-mail address and password; get a new token to send as
    `Authorization: Token <token>`. Each call makes a new one (only a digest is
    kept, so an old key cannot be handed out again)."""

    # No session: a token request carries no cookie to guard against CSRF.
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(request=LoginSerializer, responses=TokenSerializer, auth=[])
    def post(self, request: Request) -> Response:
        form = LoginSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        data = form.validated_data
        token, key = login_token(
            data["user"], data["devices"], data["name"], data["days"]
        )
        answer = {"token": key, "name": token.name, "expires": token.expires}
        return Response(TokenSerializer(answer).data)


@transaction.atomic
def login_token(
    user: Any, devices: list[Any], name: str, days: int
) -> tuple[ApiToken, str]:
    """A new token; those handed out before two-factor login was switched on are
    revoked, since they were given without the code."""
    working = ApiToken.objects.filter(user=user, revoked__isnull=True)
    stale = [token.pk for token in working if predates_devices(token, devices)]
    ApiToken.objects.filter(pk__in=stale).update(revoked=timezone.now())
    return issue_token(user, name, days)
