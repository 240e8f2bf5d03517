from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "buurtwerkkamer.finance"
    verbose_name = _("Finance")

    def ready(self) -> None:
        from buurtwerkkamer.core.jobs import register_job
        from buurtwerkkamer.core.registry import MenuItem, register_menu

        from . import banking, permissions
        from .constants import IMPORT_JOB

        permissions.register()
        register_job(
            IMPORT_JOB,
            banking.import_job,
            "finance/bank/import_result.html",
            _("Import bank statements"),
        )
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
        register_menu(
            MenuItem("finance:journal", _("Journal"), "finance.view_journal", 52)
        )
