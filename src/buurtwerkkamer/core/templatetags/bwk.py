from decimal import Decimal

from django import template
from django.utils.html import format_html

from buurtwerkkamer.core.money import format_eur

register = template.Library()


@register.filter
def eur(value: Decimal | int | str | None) -> str:
    """EUR 1.234,56, the Dutch way, whatever the interface language; kept on one
    line so an amount never breaks between the currency and the figure."""
    if value is None or value == "":
        return ""
    return format_html('<span class="bwk-money">{}</span>', format_eur(value))
