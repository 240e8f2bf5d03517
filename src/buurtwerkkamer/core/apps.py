from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "buurtwerkkamer.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from .registry import MenuItem, register_menu

        register_menu(
            MenuItem("core:dashboard", _("Dashboard"), "core.view_dashboard", 0)
        )
