"""Production settings, except for the static files' storage.

The manifest storage needs `collectstatic` first, which compresses every file
and takes minutes; the load test requests no static file, and the pages only
need a URL for each. Everything the requests go through is production's:
middleware, security, sessions, second factor, throttles, database options."""

from buurtwerkkamer.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
