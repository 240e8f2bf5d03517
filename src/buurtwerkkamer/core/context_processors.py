"""The menu: each role sees the parts it may use, asked of the policy by name."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MENU = [
    ("core:dashboard", _("Dashboard"), "core.view_dashboard"),
    ("rooms:list", _("Rooms"), "rooms.list_rooms"),
    ("partners:list", _("Organisations"), "partners.list_organisations"),
    ("people:list", _("People"), "people.list_people"),
    ("people:register", _("Members"), "people.view_register"),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    for name, label, permission in MENU:
        if user.has_perm(permission):
            url = reverse(name)
            current = request.path == url or (
                url != "/" and request.path.startswith(url)
            )
            items.append({"url": url, "label": label, "current": current})
    return {"navigation": items}
