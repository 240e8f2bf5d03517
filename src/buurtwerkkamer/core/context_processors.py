"""The menu: each role sees the parts it may use, asked of the policy by name. The
apps register their entries (core.registry.register_menu) in their AppConfig.ready."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from .registry import menu


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    for entry in menu():
        if user.has_perm(entry.permission):
            url = reverse(entry.url_name)
            current = request.path == url or (
                url != "/" and request.path.startswith(url)
            )
            items.append({"url": url, "label": entry.label, "current": current})
    return {"navigation": items}
