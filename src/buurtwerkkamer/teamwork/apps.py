from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamworkConfig(AppConfig):
    name = "buurtwerkkamer.teamwork"
    verbose_name = _("Team")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_menu,
        )

        from . import deadlines, permissions

        permissions.register()
        # Case files (DESIGN.md section 2): read by the room's staff and the board.
        from buurtwerkkamer.access.case_files import register_case_file

        from .models import Breach

        register_case_file(Breach)
        register_deadlines(deadlines.follow_ups)
        register_menu(MenuItem("teamwork:index", _("Team"), "teamwork.view_index", 35))
