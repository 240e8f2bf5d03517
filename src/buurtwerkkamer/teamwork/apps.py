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
        register_deadlines(deadlines.follow_ups)
        register_menu(
            MenuItem("teamwork:index", _("Team"), "teamwork.view_index", 35)
        )
