"""Bank pages: importing statement files, the statements, what is unmatched, and
matching by hand."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.forms import apply_errors
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.core.jobs import start_job
from buurtwerkkamer.core.money import format_eur
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from .. import banking
from ..constants import IMPORT_JOB
from ..forms_bank import MatchForm, StatementUploadForm
from ..models import BankStatement, BankTransaction, Expense, FixedCost, Transfer
from ..models.bank import UNMATCHED

PAGE = 50


def statement_for(user: Any, statement: str) -> BankStatement:
    return get_object_or_404(
        BankStatement.objects.visible_to(user).select_related(
            "room", "file", "imported_by"
        ),
        uuid=statement,
    )


def transaction_for(user: Any, transaction: str) -> BankTransaction:
    return get_object_or_404(
        BankTransaction.objects.visible_to(user).select_related(
            "room", "statement", "transfer", "expense", "fixed_cost"
        ),
        uuid=transaction,
    )


def unmatched(transactions: QuerySet[BankTransaction]) -> QuerySet[BankTransaction]:
    return transactions.filter(**UNMATCHED).order_by("-booking_date", "pk")


@guard("finance.view_bank_statements")
def statements(request: HttpRequest) -> HttpResponse:
    listed = (
        BankStatement.objects.select_related("room")
        .annotate(count=_entries(), open=_entries(Q(**UNMATCHED)))
        .order_by("-closing_date", "account_iban", "-pk")
    )
    context = {"page": Paginator(listed, PAGE).get_page(request.GET.get("page"))}
    return render(request, "finance/bank/statements.html", context)


def _entries(which: Q | None = None) -> Coalesce:
    """The entries of the outer query's statement, or those of them that match
    `which`. A subquery counts for the statements on the page only, where a join
    would group every entry of every year first. `which` filters the count, not
    the rows: SQLite takes the expense index for "expense IS NULL" in a WHERE and
    walks every entry that is not an expense, once for each statement."""
    count = (
        BankTransaction.objects.filter(statement=OuterRef("pk"))
        .order_by()
        .values("statement")
        .annotate(count=Count("pk", filter=which))
    )
    return Coalesce(Subquery(count.values("count")), 0, output_field=IntegerField())


@guard("finance.import_statement")
def statement_import(request: HttpRequest) -> HttpResponse:
    """The file is read by the task worker; the page that follows shows its
    progress and then what was added."""
    form = StatementUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = banking.read_upload(upload)
        except ValidationError as error:
            apply_errors(form, error, field="file")
        else:
            job = start_job(IMPORT_JOB, request.user, payload=data, name=upload.name)
            return redirect("core:job", job=job.uuid)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "finance/bank/import.html", {"form": form}, status=status)


@guard("finance.view_room_bank", load=statement_for)
def statement_detail(request: HttpRequest, statement: BankStatement) -> HttpResponse:
    transactions = statement.transactions.select_related(
        "transfer", "expense", "fixed_cost"
    ).order_by("booking_date", "pk")
    context = {
        "statement": statement,
        "page": Paginator(transactions, PAGE).get_page(request.GET.get("page")),
        "warnings": statement.warnings.splitlines(),
    }
    return render(request, "finance/bank/statement.html", context)


@guard("finance.view_room_bank", load=room_for)
def room_unmatched(request: HttpRequest, room: Room) -> HttpResponse:
    return _unmatched_page(request, unmatched(room.bank_transactions.all()), room)


@guard("finance.view_bank_statements")
def cooperative_unmatched(request: HttpRequest) -> HttpResponse:
    rows = unmatched(BankTransaction.objects.filter(room__isnull=True))
    return _unmatched_page(request, rows, None)


def _unmatched_page(
    request: HttpRequest, rows: QuerySet[BankTransaction], room: Room | None
) -> HttpResponse:
    context = {
        "room": room,
        "page": Paginator(rows, PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "finance/bank/unmatched.html", context)


@guard("finance.match_transaction", load=transaction_for)
def transaction_match(
    request: HttpRequest, transaction: BankTransaction
) -> HttpResponse:
    options = {_value(option): option for option in banking.candidates(transaction)}
    choices = [(value, _label(option)) for value, option in options.items()]
    form = MatchForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        chosen = options[form.cleaned_data["target"]]
        try:
            banking.match_by_hand(
                transaction,
                request.user,
                transfer=chosen if isinstance(chosen, Transfer) else None,
                expense=chosen if isinstance(chosen, Expense) else None,
                fixed_cost=chosen if isinstance(chosen, FixedCost) else None,
            )
        except ValidationError as error:
            apply_errors(form, error, field="target")
        else:
            messages.success(request, _("The transaction has been matched."))
            return redirect(_back(transaction))
    status = 400 if form.is_bound and form.errors else 200
    context = {"transaction": transaction, "form": form, "back": _back(transaction)}
    return render(request, "finance/bank/match.html", context, status=status)


@guard("finance.match_transaction", load=transaction_for)
@require_POST
def transaction_unmatch(
    request: HttpRequest, transaction: BankTransaction
) -> HttpResponse:
    try:
        banking.unmatch(transaction, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The match has been undone."))
    return redirect(transaction.statement)


def _value(option: banking.Candidate) -> str:
    return f"{type(option).__name__.lower()}:{option.uuid}"


def _label(option: banking.Candidate) -> str:
    if isinstance(option, FixedCost):
        return _(
            "Fixed cost of %(room)s for %(month)s: %(supplier)s %(reference)s, "
            "%(amount)s"
        ) % {
            "room": option.room.name,
            "month": f"{option.month:%m-%Y}",
            "supplier": option.supplier,
            "reference": option.invoice_reference,
            "amount": format_eur(option.amount),
        }
    if isinstance(option, Transfer):
        return _("Transfer to %(room)s for %(month)s, %(amount)s") % {
            "room": option.room.name,
            "month": f"{option.month:%m-%Y}",
            "amount": format_eur(option.amount),
        }
    return _("Expense of %(date)s: %(description)s, %(amount)s") % {
        "date": f"{option.spent_on:%d-%m-%Y}",
        "description": option.description,
        "amount": format_eur(option.signed_amount),
    }


def _back(transaction: BankTransaction) -> str:
    if transaction.room is None:
        return reverse("finance:bank_cooperative")
    return reverse("finance:bank_room", kwargs={"room": transaction.room.slug})
