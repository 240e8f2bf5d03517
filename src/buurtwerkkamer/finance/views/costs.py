"""Pages for a room's fixed costs, their templates, and its budget per year."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from .. import costs
from ..forms_costs import (
    BudgetLineForm,
    CorrectionForm,
    FixedCostForm,
    GenerateForm,
    TemplateForm,
    YearForm,
)
from ..models import BudgetLine, FixedCost, FixedCostTemplate
from ..services import month_of


def cost_for(user: Any, cost: str) -> FixedCost:
    return get_object_or_404(
        FixedCost.objects.visible_to(user).select_related("room"), uuid=cost
    )


def year_of(request: HttpRequest) -> int:
    form = YearForm({"year": request.GET.get("jaar") or request.POST.get("year")})
    if form.is_valid():
        return int(form.cleaned_data["year"])
    return timezone.localdate().year


def costs_url(room: Room, year: int) -> str:
    return f"{reverse('finance:fixed_costs', kwargs={'room': room.slug})}?jaar={year}"


def budget_url(room: Room, year: int) -> str:
    return f"{reverse('finance:budget', kwargs={'room': room.slug})}?jaar={year}"


# Fixed costs.


@guard("finance.view_room_finance", load=room_for)
def fixed_costs(request: HttpRequest, room: Room) -> HttpResponse:
    year = year_of(request)
    entries = (
        room.fixed_costs.filter(month__year=year)
        .select_related("document", "correction_of")
        .annotate(
            corrected=Exists(FixedCost.objects.filter(correction_of=OuterRef("pk")))
        )
    )
    context = {
        "room": room,
        "year": year,
        "page": Paginator(entries, 50).get_page(request.GET.get("page")),
        "templates": room.fixed_cost_templates.order_by("category", "supplier"),
        "generate_form": GenerateForm(
            initial={"month": month_of(timezone.localdate())}
        ),
    }
    return render(request, "finance/costs/fixed_costs.html", context)


@guard("finance.book_fixed_cost", load=room_for)
def fixed_cost_book(request: HttpRequest, room: Room) -> HttpResponse:
    form = FixedCostForm(
        request.POST or None,
        request.FILES or None,
        initial={"month": month_of(timezone.localdate())},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cost = costs.book_fixed_cost(
                room, request.user, **{**data, "month": month_of(data["month"])}
            )
        except ValidationError as error:
            apply_errors(form, error, field="document")
        else:
            messages.success(request, _("The fixed cost has been booked."))
            return redirect(costs_url(room, cost.month.year))
    return form_page(
        request,
        form,
        _("Book a fixed cost of %(room)s") % {"room": room},
        cancel_url=reverse("finance:fixed_costs", kwargs={"room": room.slug}),
        submit_label=_("Book"),
    )


@guard("finance.book_fixed_cost", load=cost_for)
def fixed_cost_correct(request: HttpRequest, cost: FixedCost) -> HttpResponse:
    form = CorrectionForm(request.POST or None, initial={"amount": cost.amount})
    if request.method == "POST" and form.is_valid():
        try:
            costs.correct_fixed_cost(
                cost,
                form.cleaned_data["amount"],
                form.cleaned_data["reason"],
                request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The correction has been booked."))
            return redirect(costs_url(cost.room, cost.month.year))
    return form_page(
        request,
        form,
        _("Correct %(supplier)s %(reference)s of %(month)s")
        % {
            "supplier": cost.supplier,
            "reference": cost.invoice_reference,
            "month": f"{cost.month:%m-%Y}",
        },
        intro=_("The booking stays; the correction replaces its amount."),
        cancel_url=costs_url(cost.room, cost.month.year),
        submit_label=_("Book correction"),
    )


@guard("finance.book_fixed_cost")
@require_POST
def fixed_cost_generate(request: HttpRequest) -> HttpResponse:
    form = GenerateForm(request.POST)
    if form.is_valid():
        month = month_of(form.cleaned_data["month"])
        created = costs.generate_from_templates(month, request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s recurring fixed cost booked for %(month)s.",
                "%(count)s recurring fixed costs booked for %(month)s.",
                len(created),
            )
            % {"count": len(created), "month": f"{month:%m-%Y}"},
        )
    else:
        messages.error(request, _("Choose the month to generate."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = reverse("finance:fixed_cost_templates")
    return redirect(target)


@guard("finance.view_petty_cash")
def fixed_cost_templates(request: HttpRequest) -> HttpResponse:
    templates = FixedCostTemplate.objects.select_related("room").order_by(
        "room__name", "category", "supplier"
    )
    context = {
        "page": Paginator(templates, 50).get_page(request.GET.get("page")),
        "generate_form": GenerateForm(
            initial={"month": month_of(timezone.localdate())}
        ),
    }
    return render(request, "finance/costs/templates.html", context)


@guard("finance.book_fixed_cost", load=room_for)
def fixed_cost_template_create(request: HttpRequest, room: Room) -> HttpResponse:
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        template = form.save(commit=False)
        template.room = room
        template.created_by = request.user
        template.from_month = month_of(template.from_month)
        if template.until_month:
            template.until_month = month_of(template.until_month)
        try:
            costs.save_template(template)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The recurring fixed cost has been saved."))
            return redirect("finance:fixed_costs", room=room.slug)
    return form_page(
        request,
        form,
        _("Recurring fixed cost of %(room)s") % {"room": room},
        cancel_url=reverse("finance:fixed_costs", kwargs={"room": room.slug}),
    )


# Budgets.


@guard("finance.view_room_finance", load=room_for)
def budget(request: HttpRequest, room: Room) -> HttpResponse:
    year = year_of(request)
    return _budget_page(request, room, year, BudgetLineForm(room=room, year=year))


@guard("finance.change_budget", load=room_for)
@require_POST
def budget_line_save(request: HttpRequest, room: Room) -> HttpResponse:
    year = year_of(request)
    form = BudgetLineForm(request.POST, room=room, year=year)
    if form.is_valid():
        data = form.cleaned_data
        try:
            costs.save_budget_line(
                room,
                data["year"],
                category=data["category"],
                amount=data["amount"],
                funding_source=data["funding_source"],
                commitment=data["commitment"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The budget line has been saved."))
            return redirect(budget_url(room, data["year"]))
    return _budget_page(request, room, year, form, status=400)


def _budget_page(
    request: HttpRequest,
    room: Room,
    year: int,
    form: BudgetLineForm,
    status: int = 200,
) -> HttpResponse:
    form.initial.setdefault("year", year)
    lines = BudgetLine.objects.filter(budget__room=room, budget__year=year)
    context = {
        "room": room,
        "year": year,
        "lines": lines.select_related(
            "funding_source__funder",
            "commitment__agreement",
            "commitment__organisation",
        ),
        "report": costs.budget_against_actuals(room, year),
        "form": form,
    }
    return render(request, "finance/costs/budget.html", context, status=status)
