from decimal import Decimal

from django import template

from buurtwerkkamer.core.money import format_eur

register = template.Library()


@register.filter
def eur(value: Decimal | int | str | None) -> str:
    """EUR 1.234,56, the Dutch way, whatever the interface language."""
    return format_eur(value)
