"""Registries that lower layers offer and higher apps fill in their AppConfig.ready.

Deadlines: every app registers a provider that lists what falls due for a user. Inbox:
every app registers a provider of what waits for the user's action. Scopes: the access
app registers, per model, the filter that limits a queryset to what a user may see.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Model, Q


@dataclass(frozen=True, order=True)
class Deadline:
    due: date
    title: str = field(compare=False)
    url: str = field(compare=False)
    room: str = field(default="", compare=False)
    kind: str = field(default="", compare=False)

    def days_left(self, today: date) -> int:
        return (self.due - today).days


@dataclass(frozen=True)
class InboxItem:
    title: str
    url: str
    room: str = ""


@dataclass(frozen=True)
class Panel:
    """A block on the dashboard that a higher app fills: its own template and data."""

    title: str
    template: str
    context: dict[str, Any]
    order: int = 50


DeadlineProvider = Callable[[Any, date], Iterable[Deadline]]
InboxProvider = Callable[[Any], Iterable[InboxItem]]
ScopeProvider = Callable[[Any], Q]
PanelProvider = Callable[[Any], Panel | None]


@dataclass(frozen=True)
class MenuItem:
    """An entry of the main navigation, shown to users who hold `permission`."""

    url_name: str
    label: Any
    permission: str
    order: int = 50


_deadline_providers: list[DeadlineProvider] = []
_inbox_providers: list[InboxProvider] = []
_scopes: dict[str, ScopeProvider] = {}
_panel_providers: list[PanelProvider] = []
_menu: dict[str, MenuItem] = {}


def register_deadlines(provider: DeadlineProvider) -> DeadlineProvider:
    if provider not in _deadline_providers:
        _deadline_providers.append(provider)
    return provider


def register_inbox(provider: InboxProvider) -> InboxProvider:
    if provider not in _inbox_providers:
        _inbox_providers.append(provider)
    return provider


def deadlines_for(user: Any, today: date) -> list[Deadline]:
    """Everything that falls due for this user, soonest first (overdue on top)."""
    found = [item for provider in _deadline_providers for item in provider(user, today)]
    return sorted(found)


def inbox_for(user: Any) -> list[InboxItem]:
    return [item for provider in _inbox_providers for item in provider(user)]


def register_panel(provider: PanelProvider) -> PanelProvider:
    if provider not in _panel_providers:
        _panel_providers.append(provider)
    return provider


def panels_for(user: Any) -> list[Panel]:
    panels = [provider(user) for provider in _panel_providers]
    return sorted((panel for panel in panels if panel), key=lambda panel: panel.order)


def register_menu(item: MenuItem) -> None:
    _menu[item.url_name] = item


def menu() -> list[MenuItem]:
    return sorted(_menu.values(), key=lambda item: item.order)


def register_scope(model: type[Model], provider: ScopeProvider) -> None:
    _scopes[model._meta.label_lower] = provider


def scope_for(model: type[Model], user: Any) -> Q:
    """The filter of what this user may see of this model; nothing when unknown, so a
    model nobody scoped is closed rather than open."""
    provider = _scopes.get(model._meta.label_lower)
    if provider is None or not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return provider(user)


# Indicators: what result obligations can be measured by. The app that records
# the evidence (activities, development, placements) registers how to compute
# each from its own data; brokering asks by code.


@dataclass(frozen=True)
class Indicator:
    """A measurable result: `compute(room_ids, start, end)` gives the realised
    value per room id over the period (both days included), in one or a few
    queries whatever the number of rooms."""

    code: str
    label: Any
    unit: Any
    compute: Callable[[Iterable[int], date, date], dict[int, Decimal]]
    order: int = 50


_indicators: dict[str, Indicator] = {}


def register_indicator(indicator: Indicator) -> None:
    _indicators[indicator.code] = indicator


def indicators() -> list[Indicator]:
    return sorted(_indicators.values(), key=lambda item: (item.order, item.code))


def indicator(code: str) -> Indicator | None:
    """The computed indicator of that code; None for one entered by hand."""
    return _indicators.get(code)


# Participation: whether a person may be recorded as taking part in a room's
# activities or trainings on a day. Mediation registers its temporary
# exclusions; activities and development ask before they record anyone.

ParticipationCheck = Callable[[Any, int, date], str | None]
_participation_checks: list[ParticipationCheck] = []


def register_participation_check(check: ParticipationCheck) -> ParticipationCheck:
    if check not in _participation_checks:
        _participation_checks.append(check)
    return check


def participation_refusal(person: Any, room_id: int, day: date) -> str | None:
    """Why this person cannot take part in the room on that day; None when
    they can."""
    for check in _participation_checks:
        refusal = check(person, room_id, day)
        if refusal:
            return refusal
    return None
