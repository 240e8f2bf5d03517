from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "buurtwerkkamer.access"
    verbose_name = _("Access")

    def ready(self) -> None:
        from . import policy, signals  # noqa: F401  (registers the permissions)

        policy.register_scopes()
