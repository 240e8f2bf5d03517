from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import Panel

from .models import Grant


def my_roles(user: Any) -> Panel | None:
    """Which roles the user holds where: the reason the dashboard looks as it does."""
    grants = Grant.objects.filter(user=user).select_related("room", "organisation")
    return Panel(
        _("Your roles"), "access/panel_roles.html", {"grants": list(grants)}, 90
    )
