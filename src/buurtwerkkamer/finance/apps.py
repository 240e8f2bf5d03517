from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "buurtwerkkamer.finance"
    verbose_name = _("Finance")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import MenuItem, register_menu

        from . import permissions

        permissions.register()
        register_menu(
            MenuItem(
                "finance:petty_cash", _("Petty cash"), "finance.view_petty_cash", 50
            )
        )
        register_menu(
            MenuItem(
                "finance:overview",
                _("Finance overview"),
                "finance.view_overview",
                51,
            )
        )
