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
        # A placement's contract is part of its case file (DESIGN.md section 2);
        # other contracts are not.
        from django.db.models import Q

        from buurtwerkkamer.access.case_files import register_case_file

        from .constants import PLACEMENT_KINDS
        from .models import Contract

        register_case_file(Contract, Q(kind__in=PLACEMENT_KINDS))
        register_deadlines(deadlines.contract_dates)
        register_menu(
            MenuItem(
                "employer:index", _("Staff and volunteers"), "employer.view_index", 45
            )
        )
