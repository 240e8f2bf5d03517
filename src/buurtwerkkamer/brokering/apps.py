from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrokeringConfig(AppConfig):
    name = "buurtwerkkamer.brokering"
    verbose_name = _("Brokering")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            register_deadlines,
            register_inbox,
            register_panel,
        )

        from . import deadlines, inbox, panels, permissions

        permissions.register()
        register_deadlines(deadlines.funding_decisions)
        register_inbox(inbox.signatures_awaited)
        register_panel(panels.funding_overview)
        register_panel(panels.organisation_agreements)
