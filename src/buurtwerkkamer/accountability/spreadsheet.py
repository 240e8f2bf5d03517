"""The figures of a report as one spreadsheet: a row per figure with the part
of the report it belongs to; amounts in euro, counts as numbers."""

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from buurtwerkkamer.core.exports import Cell, xlsx_bytes

from .figures import Figures
from .models import AnnualReport
from .render import format_number


def _value(text: str | None) -> Cell:
    """A count as a whole number where it is one; otherwise as Dutch text."""
    if text is None:
        return None
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else format_number(text)


def _euro(text: str | None) -> Cell:
    return None if text is None else Decimal(text)


def rows(figures: Figures) -> list[list[Cell]]:
    part = _("Indicators")
    found: list[list[Cell]] = [
        [part, row["label"], _value(row["value"]), row["unit"]]
        for row in figures["indicators"]
    ]
    part = _("Result obligations")
    for row in figures.get("obligations", []):
        label = f"{row['agreement']}: {row['indicator']}"
        found.append(
            [part, f"{label} ({_('target')})", _value(row["target"]), row["unit"]]
        )
        found.append(
            [part, f"{label} ({_('realised')})", _value(row["realised"]), row["unit"]]
        )
    finance: dict[str, Any] = figures.get("finance") or {}
    part = _("Budget against actuals")
    for row in finance.get("categories", []):
        found.append(
            [part, f"{row['label']} ({_('budgeted')})", _euro(row["budgeted"]), "EUR"]
        )
        found.append(
            [part, f"{row['label']} ({_('actual')})", _euro(row["actual"]), "EUR"]
        )
    part = _("Per funder")
    for row in finance.get("sources", []):
        found.append(
            [part, f"{row['label']} ({_('spent')})", _euro(row["spent"]), "EUR"]
        )
    part = _("Petty cash per category")
    for row in finance.get("petty_cash", []):
        found.append([part, row["label"], _euro(row["amount"]), "EUR"])
    part = _("Petty cash month by month")
    for row in finance.get("months", []):
        found.append(
            [
                part,
                f"{row['month'][:7]} ({_('closing balance')})",
                _euro(row["closing"]),
                "EUR",
            ]
        )
    for row in figures.get("rooms", []):
        found.append(
            [_("Rooms"), f"{row['room']} ({_('actual')})", _euro(row["actual"]), "EUR"]
        )
    return found


def report_xlsx(report: AnnualReport, figures: Figures) -> bytes:
    header = [_("Part"), _("Figure"), _("Value"), _("Unit")]
    return xlsx_bytes(_("Figures"), header, rows(figures))
