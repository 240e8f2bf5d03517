import csv
import io
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from buurtwerkkamer.core.exports import FORMULA_STARTS, csv_bytes, xlsx_bytes

HOSTILE = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_csv_defuses_every_formula_start_and_keeps_the_text():
    cells = _read_csv(csv_bytes(["naam"], [[value] for value in HOSTILE]))

    assert cells == [f"'{value}" for value in HOSTILE]


def test_csv_writes_dutch_amounts_and_dates_with_a_bom():
    data = csv_bytes(["datum", "bedrag"], [[date(2026, 12, 3), Decimal("-1234.5")]])

    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig") == "datum;bedrag\r\n03-12-2026;-1234,50\r\n"


def test_xlsx_keeps_amounts_as_numbers_and_text_as_text():
    data = xlsx_bytes(
        "Uitgaven", ["wat", "bedrag"], [["=1+1", Decimal("12.34")], ["koffie", 3]]
    )

    sheet = load_workbook(io.BytesIO(data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows == [["wat", "bedrag"], ["'=1+1", 12.34], ["koffie", 3]]
    assert sheet["B2"].number_format.startswith('"€"')
    assert sheet["B2"].data_type == "n"


@given(st.text(min_size=1))
def test_no_exported_text_starts_like_a_formula(text):
    sheet = load_workbook(io.BytesIO(xlsx_bytes("x", ["t"], [[text]]))).active
    value = sheet["A2"].value or ""
    (csv_cell,) = _read_csv(csv_bytes(["t"], [[text]]))

    clean = ILLEGAL_CHARACTERS_RE.sub("", text)

    # The text itself, or it behind one quote where it would start a formula
    # (a text that is a quote already stays as it is).
    assert not str(value).startswith(FORMULA_STARTS)
    assert str(value) in (clean, f"'{clean}")
    assert not csv_cell.startswith(FORMULA_STARTS)
    assert csv_cell in (text, f"'{text}")


def _read_csv(data):
    rows = list(
        csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
    )
    return [row[0] for row in rows[1:]]
