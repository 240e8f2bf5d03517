from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "buurtwerkkamer.rooms"
    verbose_name = _("Rooms")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import MenuItem, register_menu, register_panel

        from .panels import my_rooms

        register_panel(my_rooms)
        register_menu(MenuItem("rooms:list", _("Rooms"), "rooms.list_rooms", 10))
