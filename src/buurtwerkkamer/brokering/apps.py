from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrokeringConfig(AppConfig):
    name = "buurtwerkkamer.brokering"
    verbose_name = _("Brokering")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_inbox,
            register_menu,
            register_panel,
        )

        from . import deadlines, inbox, panels, permissions

        permissions.register()
        register_deadlines(deadlines.funding_decisions)
        register_deadlines(deadlines.annual_agreements)
        register_deadlines(deadlines.reporting_dates)
        register_inbox(inbox.signatures_awaited)
        register_panel(panels.funding_overview)
        register_panel(panels.organisation_agreements)
        register_menu(
            MenuItem(
                "brokering:annual_overview",
                _("Annual agreements"),
                "brokering.view_annual_overview",
                45,
            )
        )
