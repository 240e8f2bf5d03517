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
        # Case files (DESIGN.md section 2): read by the room's staff and the board.
        from buurtwerkkamer.access.case_files import register_case_file

        from . import models

        for model in (
            models.Candidate,
            models.SelectionInterview,
            models.Placement,
            models.Signal,
            models.SignalContact,
        ):
            register_case_file(model)
        register_deadlines(deadlines.signal_follow_ups)
        register_indicator(indicators.PLACEMENTS_STARTED)
        register_indicator(indicators.PLACEMENTS_PAID_WORK)
        register_menu(
            MenuItem("placements:index", _("Placements"), "placements.view_index", 46)
        )
