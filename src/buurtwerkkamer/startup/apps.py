from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartupConfig(AppConfig):
    name = "buurtwerkkamer.startup"
    verbose_name = _("Start-up")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            register_deadlines,
            register_inbox,
            register_panel,
        )

        from . import deadlines, inbox, panels, permissions

        permissions.register()
        register_deadlines(deadlines.start_up_steps)
        register_inbox(inbox.gates_ready)
        register_panel(panels.rooms_in_start_up)
