from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "buurtwerkkamer.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import MenuItem, register_menu

        register_menu(MenuItem("people:list", _("People"), "people.list_people", 30))
        register_menu(
            MenuItem("people:register", _("Members"), "people.view_register", 40)
        )
