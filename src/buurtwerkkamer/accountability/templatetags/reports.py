from datetime import date

from django import template

from buurtwerkkamer.core.money import format_eur

from ..render import format_number

register = template.Library()


@register.filter
def number(value: str | None) -> str:
    return format_number(value)


@register.filter
def euro(value: str | None) -> str:
    return "—" if value is None else format_eur(value)


@register.filter
def month_of(value: str) -> date:
    return date.fromisoformat(value)
