from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "buurtwerkkamer.access"
    verbose_name = _("Access")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import register_panel

        from . import panels, policy, signals  # noqa: F401  (registers permissions)

        policy.register_scopes()
        register_panel(panels.my_roles)
