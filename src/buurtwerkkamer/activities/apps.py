from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "buurtwerkkamer.activities"
    verbose_name = _("Activities")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import MenuItem, register_menu, register_panel

        from . import indicators, panels, permissions

        permissions.register()
        indicators.register()
        register_panel(panels.sessions_to_record)
        register_menu(
            MenuItem(
                "activities:overview",
                _("Activities"),
                "activities.view_overview",
                40,
            )
        )
