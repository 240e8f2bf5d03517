from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    name = "buurtwerkkamer.development"
    verbose_name = _("Development")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_indicator,
            register_menu,
            register_panel,
        )

        from . import deadlines, indicators, panels, permissions

        permissions.register()
        register_deadlines(deadlines.follow_ups)
        register_indicator(indicators.TRAININGS_COMPLETED)
        register_panel(panels.trainings_to_come)
        register_menu(
            MenuItem(
                "development:index",
                _("Learning and evaluation"),
                "development.view_index",
                40,
            )
        )
