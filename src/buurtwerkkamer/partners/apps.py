from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "buurtwerkkamer.partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import MenuItem, register_menu

        register_menu(
            MenuItem(
                "partners:list", _("Organisations"), "partners.list_organisations", 20
            )
        )
