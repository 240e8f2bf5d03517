"""Exchanging an e-mail address and password for an API token."""

from typing import Any

from django.contrib.auth import authenticate
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

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
        help_text=_("Required for accounts with two-factor login."),
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
    its code here too. Each device throttles its own failed tries."""
    code = attrs.get("otp_token") or ""
    devices = devices_for_user(user, for_verify=True)
    return bool(code) and any(device.verify_token(code) for device in devices)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)


class ObtainTokenView(APIView):
    """POST an e-mail address and password; get the token to send as
    `Authorization: Token <token>`."""

    # No session: a token request carries no cookie to guard against CSRF.
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(request=LoginSerializer, responses=TokenSerializer, auth=[])
    def post(self, request: Request) -> Response:
        form = LoginSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        token = issue_token(form.validated_data["user"], form.validated_data["devices"])
        return Response(TokenSerializer({"token": token.key}).data)


@transaction.atomic
def issue_token(user: Any, devices: list[Any]) -> Token:
    """The user's token; one handed out before two-factor login was switched on
    is replaced, since it was given without the code."""
    token = Token.objects.select_for_update().filter(user=user).first()
    if token is not None and predates_devices(token, devices):
        token.delete()
        token = None
    return token or Token.objects.create(user=user)
