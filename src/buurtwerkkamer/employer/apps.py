from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployerConfig(AppConfig):
    name = "buurtwerkkamer.employer"
    verbose_name = _("Employer")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_menu,
        )

        from . import deadlines, permissions

        permissions.register()
        register_deadlines(deadlines.contract_dates)
        register_menu(
            MenuItem(
                "employer:index", _("Staff and volunteers"), "employer.view_index", 45
            )
        )
