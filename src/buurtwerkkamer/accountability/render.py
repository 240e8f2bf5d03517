"""An annual report as a PDF: HTML templates typeset by WeasyPrint, with a
cover, contents, chapters, tables, bar charts, page numbers and Dutch numbers.
Approved reports are rendered from the figures kept at approval, so rendering
again later gives the same numbers."""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from buurtwerkkamer.core.money import format_eur

from .constants import CHAPTER_INDICATORS, Chapter
from .figures import Figures, compile_figures
from .models import AnnualReport

STYLESHEET = Path(__file__).parent / "static" / "accountability" / "report.css"
CHART_WIDTH = 300
ROW_HEIGHT = 18


def format_number(value: str | Decimal | None) -> str:
    """12, 12,5 or 1.234,75: the Dutch way, without needless decimals."""
    if value is None:
        return "—"
    amount = Decimal(value)
    text = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    width: int
    top: int

    @property
    def baseline(self) -> int:
        return self.top + ROW_HEIGHT - 5

    @property
    def value_at(self) -> int:
        return 205 + self.width


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart drawn as SVG: a label, a bar scaled to the
    largest value, and the value behind it."""

    bars: list[Bar]

    @property
    def height(self) -> int:
        return len(self.bars) * ROW_HEIGHT


def bars(rows: list[tuple[str, Decimal, str]]) -> Chart:
    largest = max((abs(value) for _label, value, _text in rows), default=Decimal(0))
    return Chart(
        [
            Bar(
                label,
                text,
                int(abs(value) * CHART_WIDTH / largest) if largest else 0,
                number * ROW_HEIGHT,
            )
            for number, (label, value, text) in enumerate(rows)
        ]
    )


def figures_of(report: AnnualReport) -> Figures:
    """The kept figures of an approved report; the data as it is now for one
    still open."""
    if report.figures is not None:
        return report.figures
    return compile_figures(report, timezone.localdate())


def context(report: AnnualReport, figures: Figures) -> dict[str, Any]:
    finance = figures.get("finance") or {}
    indicator_bars = bars(
        [
            (row["label"], Decimal(row["value"]), format_number(row["value"]))
            for row in figures["indicators"]
        ]
    )
    petty_cash_bars = bars(
        [
            (row["label"], Decimal(row["amount"]), format_eur(row["amount"]))
            for row in finance.get("petty_cash", [])
        ]
    )
    by_code = {row["code"]: row for row in figures["indicators"]}
    chapters = [
        {
            "code": code,
            "title": str(label),
            "text": report.texts.get(code, ""),
            "indicators": [
                by_code[name]
                for name in CHAPTER_INDICATORS.get(Chapter(code), ())
                if name in by_code
            ],
        }
        for code, label in Chapter.choices
    ]
    return {
        "report": report,
        "chapters": chapters,
        "figures": figures,
        "finance": finance,
        "indicator_bars": indicator_bars,
        "petty_cash_bars": petty_cash_bars,
    }


def render_html(report: AnnualReport, figures: Figures | None = None) -> str:
    with translation.override("nl"):
        return render_to_string(
            "accountability/report_pdf.html",
            context(report, figures or figures_of(report)),
        )


def render_pdf(report: AnnualReport) -> bytes:
    from weasyprint import CSS, HTML

    html = render_html(report)
    document = HTML(string=html, base_url=str(STYLESHEET.parent))
    return document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])


def pdf_response(report: AnnualReport) -> HttpResponse | FileResponse:
    """The report as a PDF download, for the page and the API alike: the one
    kept at the accountant's approval, or for a report still open, one made
    from today's data."""
    name = f"jaarrapportage-{report.year}-{report.uuid}.pdf"
    response: HttpResponse | FileResponse
    if report.frozen and report.pdf is not None:
        response = FileResponse(
            report.pdf.file.open("rb"),
            as_attachment=True,
            filename=name,
            content_type="application/pdf",
        )
    else:
        response = HttpResponse(render_pdf(report), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
