from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "buurtwerkkamer.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import MenuItem, register_menu

        from . import declarations, permissions

        permissions.register()
        declarations.register()
        register_menu(
            MenuItem("privacy:register", _("Privacy"), "privacy.view_register", 90)
        )
