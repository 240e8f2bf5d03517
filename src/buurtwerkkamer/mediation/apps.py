from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "buurtwerkkamer.mediation"
    verbose_name = _("Mediation")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_menu,
            register_participation_check,
        )

        from . import checks, deadlines, permissions

        permissions.register()
        # Case files (DESIGN.md section 2): read by the room's staff and the board.
        from buurtwerkkamer.access.case_files import register_case_file

        from .models import Exclusion, MediationCase, MediationSession

        for model in (MediationCase, MediationSession, Exclusion):
            register_case_file(model)
        register_participation_check(checks.excluded)
        register_deadlines(deadlines.exclusions_ending)
        register_menu(
            MenuItem("mediation:index", _("Mediation"), "mediation.view_index", 36)
        )
