"""The overviews of the books: the treasurer's month across all rooms and a
room's year, each as a page with charts, and as CSV and XLSX downloads."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buurtwerkkamer.core.exports import Row, csv_response, xlsx_response
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from .. import overviews
from ..constants import ExpenseCategory, ExpenseStatus
from ..forms import MonthForm
from ..services import month_of

# The years a room's year page answers for; the budget form takes the same.
FIRST_YEAR, LAST_YEAR = 2000, 2100
Export = tuple[str, str, Sequence[Any], Callable[[], list[Row]]]


def room_in_year(user: Any, room: str, year: int | str) -> Room:
    """The room by its slug, for a year the books can hold; 404 otherwise."""
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise Http404
    return room_for(user, room)


def _year(request: HttpRequest) -> int:
    # The guard hands the view its room; the year stays in the address.
    assert request.resolver_match is not None  # noqa: S101 - a routed request
    return int(request.resolver_match.kwargs["year"])


def _download(request: HttpRequest, export: Export) -> HttpResponse | None:
    """The download asked for with ?format=csv or ?format=xlsx; None for the page."""
    filename, title, header, rows = export
    wanted = request.GET.get("format")
    if wanted == "csv":
        return csv_response(f"{filename}.csv", header, rows())
    if wanted == "xlsx":
        return xlsx_response(f"{filename}.xlsx", title, header, rows())
    return None


def _chart(labels: list[str], datasets: list[tuple[str, list[Any]]]) -> dict:
    """Figures for core/charts.js; amounts as text, so no cent is lost on the way."""
    return {
        "labels": labels,
        "datasets": [
            {"label": label, "data": [str(value) for value in values]}
            for label, values in datasets
        ],
    }


# The treasurer's month across all rooms.


# Not paginated: the totals row and the downloads need every operational room.
# With hundreds of rooms the page grows long, but its queries stay the same six.
@guard("finance.view_overview")
def overview(request: HttpRequest) -> HttpResponse:
    this_month = month_of(timezone.localdate())
    form = MonthForm(request.GET or None, initial={"month": this_month})
    month = this_month
    if form.is_bound and form.is_valid():
        month = month_of(form.cleaned_data["month"])
    try:
        report, missing = overviews.month_overview(month), []
    except ValidationError as error:
        report, missing = None, error.messages
    if report is not None:
        download = _download(request, _overview_export(report))
        if download is not None:
            return download
    context = {
        "month": month,
        "month_form": form if form.is_bound else MonthForm(initial={"month": month}),
        "report": report,
        "missing": missing,
        "chart": report and _category_chart(report.categories),
    }
    return render(request, "finance/overview/month.html", context)


def _category_chart(categories: list[overviews.CategoryAmount]) -> dict:
    return _chart(
        [row.label for row in categories],
        [(_("Spent"), [row.amount for row in categories])],
    )


def _yes(flag: bool) -> str:
    return _("yes") if flag else _("no")


def _overview_export(report: overviews.MonthOverview) -> Export:
    header = [
        _("Room"),
        _("Allowance"),
        _("Proposed top-up"),
        _("Approved for the month"),
        _("Sent to the bank"),
        _("Spent in the month"),
        _("Cash left at the month's end"),
        _("Unmatched bank transactions"),
        _("Last closed month"),
        _("Previous month still open"),
        _("Budgeted for the year"),
        _("Actual in the year"),
        _("Overspends"),
    ]

    def rows() -> list[Row]:
        lines: list[Row] = [
            [
                row.room.name,
                row.allowance,
                row.proposed,
                row.approved,
                row.sent,
                row.spent,
                row.cash_left,
                row.unmatched,
                row.last_closed,
                _yes(row.previous_open),
                row.budgeted,
                row.actual,
                _yes(row.overspends),
            ]
            for row in report.rows
        ]
        lines.append(
            [
                _("Total"),
                report.allowance,
                report.proposed,
                report.approved,
                report.sent,
                report.spent,
                report.cash_left,
                report.unmatched,
                None,
                None,
                report.budgeted,
                report.actual,
                report.overspending,
            ]
        )
        return lines

    title = _("Overview %(month)s") % {"month": f"{report.month:%m-%Y}"}
    return f"overzicht-{report.month:%Y-%m}", title, header, rows


# A room's year.


@guard("finance.view_room_finance", load=room_in_year)
def room_year(request: HttpRequest, room: Room) -> HttpResponse:
    year = _year(request)
    report = overviews.room_year(room, year, timezone.localdate())
    download = _download(request, _room_year_export(report))
    if download is not None:
        return download
    categories = ExpenseCategory.choices
    context = {
        "room": room,
        "year": year,
        "report": report,
        "categories": [label for _value, label in categories],
        "balance_chart": _balance_chart(report),
        "spending_chart": _chart(
            [date_format(row.month, "M") for row in report.months],
            [
                (str(label), [row.categories.get(value, 0) for row in report.months])
                for value, label in categories
            ],
        ),
        "fixed_chart": _chart(
            [row.label for row in report.fixed],
            [(_("Fixed costs"), [row.amount for row in report.fixed])],
        ),
        "previous": _room_year_url(room, year - 1),
        "next": _room_year_url(room, year + 1),
    }
    return render(request, "finance/overview/room_year.html", context)


def _room_year_url(room: Room, year: int) -> str | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return reverse("finance:room_year", kwargs={"room": room.slug, "year": year})


def _balance_chart(report: overviews.RoomYear) -> dict:
    return _chart(
        [date_format(row.month, "M") for row in report.months],
        [
            (_("Transfers in"), [row.transfers_in for row in report.months]),
            (_("Expenses out"), [row.expenses_out for row in report.months]),
            (_("Closing balance"), [row.closing_balance for row in report.months]),
        ],
    )


def _room_year_export(report: overviews.RoomYear) -> Export:
    categories = ExpenseCategory.choices
    header = [
        _("Month"),
        _("Opening balance"),
        _("Transfers in"),
        _("Expenses out"),
        _("Closing balance"),
        _("Bank balance"),
        _("Closed"),
        *[str(label) for _value, label in categories],
    ]

    def rows() -> list[Row]:
        return [
            [
                row.month,
                row.opening_balance,
                row.transfers_in,
                row.expenses_out,
                row.closing_balance,
                row.bank_balance,
                _yes(row.closed),
                *row.spending,
            ]
            for row in report.months
        ]

    room, year = report.room, report.year
    title = f"{room.name} {year}"
    return f"{room.slug}-{year}", title, header, rows


@guard("finance.view_room_finance", load=room_in_year)
def room_year_expenses(request: HttpRequest, room: Room) -> HttpResponse:
    """A room's expenses and refunds of a year; CSV unless XLSX is asked for."""
    year = _year(request)
    export = _expenses_export(room, year)
    download = _download(request, export)
    if download is not None:
        return download
    filename, title, header, rows = export
    return csv_response(f"{filename}.csv", header, rows())


def _expenses_export(room: Room, year: int) -> Export:
    header = [
        _("Date"),
        _("Category"),
        _("Description"),
        _("Amount"),
        _("Refund of"),
        _("Checked"),
    ]
    expenses = (
        room.expenses.filter(spent_on__year=year)
        .select_related("refund_of")
        .order_by("spent_on", "created_at")
    )

    def rows() -> list[Row]:
        return [
            [
                expense.spent_on,
                expense.get_category_display(),
                expense.description,
                # What it does to the spending: a refund counts negatively.
                -expense.signed_amount,
                _refunded(expense.refund_of),
                _yes(expense.status == ExpenseStatus.CHECKED),
            ]
            for expense in expenses
        ]

    title = _("Expenses %(year)s") % {"year": year}
    return f"{room.slug}-{year}-uitgaven", title, header, rows


def _refunded(expense: Any) -> str | None:
    if expense is None:
        return None
    day: date = expense.spent_on
    return f"{day:%d-%m-%Y} {expense.description}"
