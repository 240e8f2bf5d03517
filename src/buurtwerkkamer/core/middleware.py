from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class DutchByDefaultMiddleware:
    """The interface is Dutch unless the user chose English with the switch: a
    browser set to English on a shared computer in the room should not decide."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
