"""Lists as spreadsheet files: CSV and XLSX that a spreadsheet opens safely.

A cell that starts with =, +, -, @, a tab or a carriage return is taken as a
formula by Excel and LibreOffice, so a supplier named "=HYPERLINK(...)" could
run something on the treasurer's machine. Such text gets a leading apostrophe;
numbers stay numbers.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EURO_FORMAT = '"€" #,##0.00;-"€" #,##0.00'

Cell = str | int | Decimal | date | None
Row = Sequence[Cell]


def safe_text(value: Any) -> str:
    """Text that no spreadsheet reads as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Cell) -> str:
    if isinstance(value, Decimal):
        # Dutch spreadsheets read a decimal comma; the column separator is ";".
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int):
        return str(value)
    return safe_text(value)


def csv_bytes(header: Row, rows: Iterable[Row]) -> bytes:
    """A CSV as Dutch Excel opens it: UTF-8 with a byte-order mark, ';' between
    columns, decimal commas, dates as 03-12-2026."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, header: Row, rows: Iterable[Row]) -> bytes:
    """One sheet: a bold header, amounts as numbers in euro format, dates as
    dates, text that cannot become a formula."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = safe_text(title)[:31]
    sheet.append([safe_text(cell) for cell in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=True):
            if isinstance(value, Decimal):
                cell.number_format = EURO_FORMAT
            elif isinstance(value, date):
                cell.number_format = "DD-MM-YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(value: Cell) -> Any:
    if isinstance(value, Decimal | int | date | datetime) or value is None:
        return value
    # Control characters (from a bank's description, say) are not allowed in
    # the file format; they are dropped rather than failing the export.
    return safe_text(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def csv_response(filename: str, header: Row, rows: Iterable[Row]) -> HttpResponse:
    return _download(csv_bytes(header, rows), "text/csv; charset=utf-8", filename)


def xlsx_response(
    filename: str, title: str, header: Row, rows: Iterable[Row]
) -> HttpResponse:
    return _download(xlsx_bytes(title, header, rows), XLSX, filename)


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
