"""What the Dutch interface shows for a source string, computed from the same
catalogue the pages use; while a string has no Dutch translation yet, the English
source is what both show."""

from django.utils import translation
from django.utils.functional import Promise


def dutch(text: str | Promise, **values: object) -> str:
    with translation.override("nl"):
        shown = translation.gettext(str(text)) if isinstance(text, str) else str(text)
    return shown % values if values else shown
