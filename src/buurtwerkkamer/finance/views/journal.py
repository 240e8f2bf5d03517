"""The journal for the accountant: a year's trial balance, and the journal as an
XML Auditfile Financieel 3.2 and as CSV."""

import logging

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.exports import csv_response
from buurtwerkkamer.core.guards import guard

from ..journal import balances, entries, exports, xaf
from ..models import CooperativeAccount
from .costs import year_of

logger = logging.getLogger(__name__)
FIRST_YEAR, LAST_YEAR = 2000, 2100


def books_for(user: object, year: int | str | None = None) -> None:
    """The cooperative's books belong to no room: partners and people without a
    role in the cooperative are not told that they exist."""
    roles = roles_of(user)
    if not roles.cooperative and not roles.rooms:
        raise Http404
    if year is not None and not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise Http404


def _year(request: HttpRequest) -> int:
    # The guard hands a view only the object it loaded; the year is the URL's.
    assert request.resolver_match is not None  # noqa: S101 - a routed request
    return int(request.resolver_match.kwargs["year"])


@guard("finance.view_journal", load=books_for)
def journal(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    rows = balances.trial_balance(*entries.year_range(year))
    debit, credit = balances.totals(rows)
    context = {"year": year, "rows": rows, "debit": debit, "credit": credit}
    return render(request, "finance/journal/journal.html", context)


@guard("finance.view_journal", load=books_for)
def journal_xaf(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    lines = entries.journal(*entries.year_range(year))
    account = CooperativeAccount.objects.order_by("pk").first()
    body = xaf.auditfile(
        year,
        lines,
        company_name=settings.BWK_COOPERATIVE_NAME,
        created=timezone.localdate(),
        bank_iban=account.iban if account else "",
    )
    logger.info("journal exported year=%s format=xaf entries=%s", year, len(lines))
    response = HttpResponse(body, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="auditfile-{year}.xaf"'
    return response


@guard("finance.view_journal", load=books_for)
def journal_csv(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    lines = entries.journal(*entries.year_range(year))
    logger.info("journal exported year=%s format=csv entries=%s", year, len(lines))
    return csv_response(f"journaal-{year}.csv", exports.header(), exports.rows(lines))
