from .base import *

DEBUG = os.environ.get("DEBUG", "1") == "1"
BWK_REQUIRE_TWO_FACTOR = os.environ.get("BWK_REQUIRE_TWO_FACTOR", "0") == "1"
SECRET_KEY = SECRET_KEY or "development-only-not-secret"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
