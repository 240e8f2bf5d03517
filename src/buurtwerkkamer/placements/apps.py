from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "buurtwerkkamer.placements"
    verbose_name = _("Placements")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_indicator,
            register_menu,
        )

        from . import deadlines, indicators, permissions

        permissions.register()
        register_deadlines(deadlines.signal_follow_ups)
        register_indicator(indicators.PLACEMENTS_STARTED)
        register_indicator(indicators.PLACEMENTS_PAID_WORK)
        register_menu(
            MenuItem("placements:index", _("Placements"), "placements.view_index", 46)
        )
