"""Exchanging an e-mail address and password for an API token."""

from typing import Any

from django.contrib.auth import authenticate
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView


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
        if user_has_device(user) and not second_factor_holds(user, attrs):
            raise serializers.ValidationError(
                _("The code from the authenticator app is not correct."),
                code="authorization",
            )
        attrs["user"] = user
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
        token, _created = Token.objects.get_or_create(user=form.validated_data["user"])
        return Response(TokenSerializer({"token": token.key}).data)
