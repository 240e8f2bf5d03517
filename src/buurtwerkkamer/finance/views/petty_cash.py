from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from .. import closing, services
from ..constants import TransferStatus
from ..forms import (
    BatchForm,
    CancelForm,
    CheckForm,
    CooperativeAccountForm,
    ExpenseForm,
    MonthForm,
    RefundForm,
    TransferForm,
    YearForm,
)
from ..models import CooperativeAccount, Expense, SepaBatch, Transfer


def batch_for(user: Any, batch: str) -> SepaBatch:
    # A batch belongs to no room: those who do not read the cooperative's finance
    # are not told that it exists.
    if not user.has_perm("finance.view_petty_cash"):
        raise Http404
    return get_object_or_404(
        SepaBatch.objects.select_related("prepared_by", "approved_by", "exported_by"),
        uuid=batch,
    )


def expense_for(user: Any, expense: str) -> Expense:
    return get_object_or_404(
        Expense.objects.visible_to(user).select_related(
            "room", "receipt", "recorded_by", "checked_by", "refund_of"
        ),
        uuid=expense,
    )


# The treasurer's monthly run.


@guard("finance.view_petty_cash")
def petty_cash(request: HttpRequest) -> HttpResponse:
    this_month = services.month_of(timezone.localdate())
    form = MonthForm(request.GET or None, initial={"month": this_month})
    month = this_month
    if form.is_bound and form.is_valid():
        month = services.month_of(form.cleaned_data["month"])
    return _run_page(request, month, month_form=form)


@guard("finance.approve_transfer", load=room_for)
@require_POST
def transfer_approve(request: HttpRequest, room: Room) -> HttpResponse:
    form = TransferForm(request.POST)
    if form.is_valid():
        month, amount = form.cleaned_data["month"], form.cleaned_data["amount"]
        try:
            services.approve_transfer(room, month, amount, request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Petty cash for %(room)s has been approved.") % {"room": room},
            )
            return redirect(f"{reverse('finance:petty_cash')}?month={month:%Y-%m}")
    month = form.cleaned_data.get("month") or timezone.localdate()
    return _run_page(
        request, services.month_of(month), refused=(room, form), status=400
    )


@guard("finance.approve_transfer")
@require_POST
def run_approve(request: HttpRequest) -> HttpResponse:
    """Approve all proposed top-ups of the month in one go."""
    form = MonthForm(request.POST)
    if not form.is_valid():
        return _run_page(request, services.month_of(timezone.localdate()), status=400)
    month = services.month_of(form.cleaned_data["month"])
    try:
        result = services.approve_run(month, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s transfer has been approved.",
                "%(count)s transfers have been approved.",
                len(result.approved),
            )
            % {"count": len(result.approved)},
        )
        for room, reason in result.refused:
            messages.error(
                request,
                _("The transfer for %(room)s was not approved: %(reason)s")
                % {"room": room.name, "reason": reason},
            )
    return redirect(f"{reverse('finance:petty_cash')}?month={month:%Y-%m}")


def _run_page(
    request: HttpRequest,
    month: date,
    *,
    month_form: MonthForm | None = None,
    refused: tuple[Room, TransferForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    try:
        proposals, missing = services.monthly_run(month), []
    except ValidationError as error:
        proposals, missing = [], error.messages
    transfers = Transfer.objects.filter(month=month).select_related("room", "batch")
    context = {
        "month": month,
        "month_form": month_form or MonthForm(initial={"month": month}),
        "proposals": proposals,
        "missing": missing,
        "transfers": transfers.order_by("room__name", "created_at"),
        "refused": refused,
    }
    return render(request, "finance/petty_cash.html", context, status=status)


# Payment batches.


@guard("finance.view_petty_cash")
def batches(request: HttpRequest) -> HttpResponse:
    form = BatchForm(initial={"execution_date": timezone.localdate()})
    return _batches_page(request, form)


@guard("finance.prepare_batch")
@require_POST
def batch_prepare(request: HttpRequest) -> HttpResponse:
    form = BatchForm(request.POST)
    if form.is_valid():
        try:
            batch = services.prepare_batch(
                request.user, form.cleaned_data["execution_date"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The payment batch has been prepared."))
            return redirect(batch)
    return _batches_page(request, form, status=400)


def _batches_page(
    request: HttpRequest, form: BatchForm, status: int = 200
) -> HttpResponse:
    # An aggregate drops the model's ordering: the newest batch first, again.
    listed = (
        SepaBatch.objects.select_related("prepared_by")
        .annotate(count=Count("transfers"), total=Sum("transfers__amount"))
        .order_by("-created_at")
    )
    waiting = Transfer.objects.filter(
        status=TransferStatus.APPROVED, batch__isnull=True
    ).aggregate(count=Count("pk"), total=Sum("amount"))
    context = {
        "form": form,
        "page": Paginator(listed, 25).get_page(request.GET.get("page")),
        "waiting": waiting,
    }
    return render(request, "finance/batches.html", context, status=status)


@guard("finance.view_petty_cash", load=batch_for)
def batch_detail(request: HttpRequest, batch: SepaBatch) -> HttpResponse:
    return _batch_page(request, batch)


@guard("finance.approve_batch", load=batch_for)
@require_POST
def batch_approve(request: HttpRequest, batch: SepaBatch) -> HttpResponse:
    try:
        services.approve_batch(batch, request.user)
    except ValidationError as error:
        return _batch_page(request, batch, errors=error.messages, status=400)
    except PermissionDenied as error:
        return _batch_page(request, batch, errors=[str(error)], status=403)
    messages.success(request, _("The payment batch has been approved."))
    return redirect(batch)


@guard("finance.export_batch", load=batch_for)
@require_POST
def batch_export(request: HttpRequest, batch: SepaBatch) -> HttpResponse:
    try:
        xml = services.export_batch(batch, request.user)
    except ValidationError as error:
        return _batch_page(request, batch, errors=error.messages, status=400)
    disposition = content_disposition_header(True, f"{batch.message_id}.xml")
    return HttpResponse(
        xml,
        content_type="application/xml",
        headers={"Content-Disposition": disposition},
    )


@guard("finance.export_batch", load=batch_for)
@require_POST
def batch_cancel(request: HttpRequest, batch: SepaBatch) -> HttpResponse:
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.cancel_batch(batch, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The payment batch has been cancelled."))
            return redirect(batch)
    return _batch_page(request, batch, cancel_form=form, status=400)


def _batch_page(
    request: HttpRequest,
    batch: SepaBatch,
    *,
    errors: list[str] | None = None,
    cancel_form: CancelForm | None = None,
    status: int = 200,
) -> HttpResponse:
    batch.refresh_from_db()
    transfers = batch.transfers.select_related("room").order_by("room__name")
    context = {
        "batch": batch,
        "transfers": transfers,
        "total": transfers.aggregate(total=Sum("amount"))["total"],
        "errors": errors or [],
        "cancel_form": cancel_form or CancelForm(),
    }
    return render(request, "finance/batch_detail.html", context, status=status)


# A room's petty cash and its expenses.


@guard("finance.view_room_finance", load=room_for)
def room_cash(request: HttpRequest, room: Room) -> HttpResponse:
    return _room_page(request, room)


@guard("finance.close_month", load=room_for)
@require_POST
def month_close(request: HttpRequest, room: Room) -> HttpResponse:
    form = MonthForm(request.POST)
    if not form.is_valid():
        return _room_page(request, room, errors=[_("Choose a month.")], status=400)
    try:
        closing.close_month(room, form.cleaned_data["month"], request.user)
    except ValidationError as error:
        return _room_page(request, room, errors=error.messages, status=400)
    messages.success(
        request,
        _("%(month)s has been closed.")
        % {"month": date_format(form.cleaned_data["month"], "F Y")},
    )
    return redirect("finance:room", room=room.slug)


@guard("finance.freeze_year", load=room_for)
@require_POST
def year_freeze(request: HttpRequest, room: Room) -> HttpResponse:
    form = YearForm(request.POST)
    if not form.is_valid():
        return _room_page(request, room, year_errors=[_("Choose a year.")], status=400)
    year = form.cleaned_data["year"]
    try:
        closing.freeze_year(room, year, request.user)
    except ValidationError as error:
        return _room_page(request, room, year_errors=error.messages, status=400)
    messages.success(request, _("%(year)s has been frozen.") % {"year": year})
    return redirect("finance:room", room=room.slug)


def _room_page(
    request: HttpRequest,
    room: Room,
    *,
    errors: list[str] | None = None,
    year_errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    expenses = room.expenses.select_related("receipt")
    context = {
        "room": room,
        "year": today.year,
        "cash_left": services.cash_left(room),
        "transfers": room.transfers.filter(month__year=today.year).order_by("month"),
        "page": Paginator(expenses, 50).get_page(request.GET.get("page")),
        "months": closing.recent_months(room, today),
        "closing_errors": errors or [],
        "frozen_years": room.frozen_years.select_related("frozen_by"),
        "year_form": YearForm(initial={"year": today.year - 1}),
        "year_errors": year_errors or [],
    }
    return render(request, "finance/room.html", context, status=status)


@guard("finance.add_expense", load=room_for)
def expense_create(request: HttpRequest, room: Room) -> HttpResponse:
    today = timezone.localdate()
    form = ExpenseForm(
        request.POST or None, request.FILES or None, initial={"spent_on": today}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_expense(
                room, request.user, **form.cleaned_data, today=today
            )
        except ValidationError as error:
            # Errors without a field come from checking the uploaded file.
            apply_errors(form, error, field="receipt")
        else:
            messages.success(request, _("The expense has been recorded."))
            return redirect("finance:room", room=room.slug)
    return form_page(
        request,
        form,
        _("Expense of %(room)s") % {"room": room},
        cancel_url=reverse("finance:room", kwargs={"room": room.slug}),
        submit_label=_("Save expense"),
    )


@guard("finance.view_room_finance", load=expense_for)
def expense_detail(request: HttpRequest, expense: Expense) -> HttpResponse:
    return _expense_page(request, expense)


@guard("finance.check_expense", load=expense_for)
@require_POST
def expense_check(request: HttpRequest, expense: Expense) -> HttpResponse:
    form = CheckForm(request.POST)
    if form.is_valid():
        try:
            services.check_expense(expense, request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your check has been recorded."))
            return redirect(expense)
    return _expense_page(request, expense, check_form=form, status=400)


@guard("finance.add_expense", load=expense_for)
@require_POST
def expense_refund(request: HttpRequest, expense: Expense) -> HttpResponse:
    form = RefundForm(request.POST)
    if form.is_valid():
        try:
            services.record_refund(
                expense, request.user, **form.cleaned_data, today=timezone.localdate()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The refund has been recorded."))
            return redirect(expense)
    return _expense_page(request, expense, refund_form=form, status=400)


def _expense_page(
    request: HttpRequest,
    expense: Expense,
    *,
    check_form: CheckForm | None = None,
    refund_form: RefundForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "expense": expense,
        "room": expense.room,
        "refunds": expense.refunds.order_by("spent_on", "created_at"),
        "check_form": check_form or CheckForm(),
        "refund_form": refund_form or RefundForm(),
    }
    return render(request, "finance/expense_detail.html", context, status=status)


@guard("finance.change_account")
def account_edit(request: HttpRequest) -> HttpResponse:
    current = CooperativeAccount.objects.order_by("pk").first()
    form = CooperativeAccountForm(
        request.POST or None, instance=current, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_cooperative_account(form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The cooperative's account has been saved."))
            return redirect("finance:petty_cash")
    return form_page(request, form, _("The cooperative's bank account"))
