from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "buurtwerkkamer.meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from buurtwerkkamer.core.registry import (
            MenuItem,
            register_deadlines,
            register_inbox,
            register_menu,
        )

        from . import deadlines, inbox, permissions

        permissions.register()
        register_deadlines(deadlines.open_action_items)
        register_deadlines(deadlines.meetings_coming_up)
        register_inbox(inbox.minutes_to_record)
        register_menu(MenuItem("meetings:all", _("Meetings"), "meetings.list_all", 35))
