"""The figures of an annual report, compiled from what the apps recorded: the
content (the indicators and each annual agreement's result obligations against
their targets) and the money (budget against actuals per category and per
funder, fixed costs, petty cash per category A-F, transfers and balances month
by month). Amounts are kept as text with two decimals, so that the figures kept
at approval read back to the cent."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from buurtwerkkamer.brokering.constants import AgreementKind
from buurtwerkkamer.brokering.models import AgreementParty, ResultObligation
from buurtwerkkamer.brokering.queries import measure
from buurtwerkkamer.core.registry import indicator, indicators
from buurtwerkkamer.finance.costs import budget_against_actuals
from buurtwerkkamer.finance.overviews import room_year
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .audit import audit_figures
from .models import AnnualReport

Figures = dict[str, Any]


def money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def compile_figures(report: AnnualReport, today: date) -> Figures:
    """The report's figures as the data has them on `today`."""
    if report.room is None:
        return cooperation_figures(report.year, today)
    return room_figures(report.room, report.year, today, funder=report.funder)


def room_figures(
    room: Room, year: int, today: date, *, funder: Organisation | None = None
) -> Figures:
    """A room's year; for a funder's report only its agreements and its money."""
    return {
        "room": room.name,
        "year": year,
        "funder": funder.name if funder else None,
        "indicators": _indicators([room.pk], year),
        "obligations": _obligations(room, year, today, funder),
        "finance": _finance(room, year, today, funder),
        "audit": _audit_of(year, room.name),
    }


def cooperation_figures(year: int, today: date) -> Figures:
    """Every room with a report that year, side by side, and the totals."""
    rooms = list(
        Room.objects.filter(annual_reports__year=year, annual_reports__funder=None)
        .distinct()
        .order_by("name")
    )
    rows = []
    budgeted = actual = Decimal(0)
    for room in rooms:
        budget = budget_against_actuals(room, year)
        budgeted += budget.budgeted
        actual += budget.actual
        rows.append(
            {
                "room": room.name,
                "indicators": _indicators([room.pk], year),
                "budgeted": money(budget.budgeted),
                "actual": money(budget.actual),
            }
        )
    return {
        "room": None,
        "year": year,
        "funder": None,
        "indicators": _indicators([room.pk for room in rooms], year),
        "rooms": rows,
        "budgeted": money(budgeted),
        "actual": money(actual),
        "audit": _audit_of(year, None),
    }


def _audit_of(year: int, room: str | None) -> dict[str, Any]:
    """The committee's report and its findings: for a room, those about it."""
    found = audit_figures(year)
    if room is not None:
        found["findings"] = [
            row for row in found["findings"] if row["room"] in (room, None)
        ]
    return found


def _indicators(room_ids: list[int], year: int) -> list[dict[str, Any]]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    rows = []
    for measured in indicators():
        values = measured.compute(room_ids, start, end) if room_ids else {}
        total = sum(values.values(), Decimal(0))
        rows.append(
            {
                "code": measured.code,
                "label": str(measured.label),
                "unit": str(measured.unit),
                "value": money(total),
            }
        )
    return rows


def _obligations(
    room: Room, year: int, today: date, funder: Organisation | None
) -> list[dict[str, Any]]:
    obligations = ResultObligation.objects.filter(
        agreement__room=room,
        agreement__kind=AgreementKind.ANNUAL,
        agreement__year=year,
    ).select_related("agreement")
    if funder is not None:
        obligations = obligations.filter(agreement__parties__organisation=funder)
    day = min(today, date(year, 12, 31))
    return [
        {
            "agreement": measured.obligation.agreement.title,
            "indicator": _indicator_label(measured.obligation),
            "description": measured.obligation.description,
            "target": money(measured.obligation.target),
            "unit": measured.obligation.unit,
            "realised": money(measured.realised),
            "on_track": measured.on_track,
        }
        for measured in measure(list(obligations.order_by("pk")), day)
    ]


def _indicator_label(obligation: ResultObligation) -> str:
    found = indicator(obligation.indicator) if obligation.computed else None
    return str(found.label) if found else obligation.indicator


def _finance(
    room: Room, year: int, today: date, funder: Organisation | None
) -> dict[str, Any]:
    budget = budget_against_actuals(room, year)
    books = room_year(room, year, today)
    sources = [
        row
        for row in budget.sources
        if funder is None or _organisation_of(row.source) == funder.pk
    ]
    return {
        "categories": [
            {
                "label": row.label,
                "budgeted": money(row.budgeted),
                "actual": money(row.actual),
                "difference": money(row.difference),
            }
            for row in budget.categories
        ],
        "budgeted": money(budget.budgeted),
        "actual": money(budget.actual),
        "sources": [
            {
                "label": str(row.source) if row.source else _("Own means"),
                "granted": money(row.granted),
                "assigned": money(row.assigned),
                "spent": money(row.spent),
            }
            for row in sources
        ],
        "fixed": [
            {"label": row.label, "amount": money(row.amount)} for row in books.fixed
        ],
        "fixed_total": money(books.fixed_total),
        "petty_cash": [
            {"category": row.category, "label": row.label, "amount": money(row.amount)}
            for row in books.spending
        ],
        "months": [
            {
                "month": month.month.isoformat(),
                "opening": money(month.opening_balance),
                "transfers_in": money(month.transfers_in),
                "expenses_out": money(month.expenses_out),
                "closing": money(month.closing_balance),
                "bank": money(month.bank_balance),
                "reconciled": month.reconciled,
                "closed": month.closed,
            }
            for month in books.months
        ],
        "opening": money(books.opening_balance),
        "transfers_in": money(books.transfers_in),
        "expenses_out": money(books.expenses_out),
        "closing": money(books.closing_balance),
        "reconciled": all(month.reconciled for month in books.months),
    }


def _organisation_of(source: Any) -> int | None:
    if isinstance(source, AgreementParty):
        return source.organisation_id
    return getattr(source, "funder_id", None)


def funders_of(room: Room, year: int) -> list[Organisation]:
    """The organisations party to the room's annual agreement of the year: each
    may have its own report."""
    return list(
        Organisation.objects.filter(
            Q(agreement_parties__agreement__room=room)
            & Q(agreement_parties__agreement__kind=AgreementKind.ANNUAL)
            & Q(agreement_parties__agreement__year=year)
        )
        .distinct()
        .order_by("name")
    )
