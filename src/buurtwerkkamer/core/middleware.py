from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class DutchByDefaultMiddleware:
    """The interface is Dutch unless the user chose English with the switch: a
    browser set to English on a shared computer in the room should not decide."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Django has no setting for the Permissions-Policy header: switch off the
    browser features the platform never asks for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.BWK_PERMISSIONS_POLICY)
        return response
