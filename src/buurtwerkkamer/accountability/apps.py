from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "buurtwerkkamer.accountability"
    verbose_name = _("Accountability")

    def ready(self) -> None:
        from buurtwerkkamer.core.jobs import register_job
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_menu,
        )

        from . import deadlines, jobs, permissions

        permissions.register()
        register_deadlines(deadlines.report_steps)
        register_job(
            jobs.GENERATE,
            jobs.generate_year,
            "accountability/job_result.html",
            _("Annual reports of a year"),
        )
        register_menu(
            MenuItem(
                "accountability:overview",
                _("Rooms at a glance"),
                "accountability.view_overview",
                12,
            )
        )
        register_menu(
            MenuItem(
                "accountability:portal",
                _("Our rooms"),
                "accountability.view_portal",
                15,
            )
        )
        register_menu(
            MenuItem(
                "accountability:index",
                _("Annual reports"),
                "accountability.view_index",
                80,
            )
        )
