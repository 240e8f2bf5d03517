"""Pages of contracts: the list, one contract with its periods and evaluations,
and the operations on it."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.access.case_files import record_read
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from . import services
from .constants import ContractKind
from .forms import (
    ContractForm,
    DocumentForm,
    EndForm,
    EvaluationPlanForm,
    EvaluationRecordForm,
    ExtendForm,
    InvoiceCheckForm,
)
from .invoices import InvoiceCheck, check_invoice
from .models import Contract, ContractEvaluation
from .queries import contract_for, contracts, evaluation_for


def run_form(
    request: HttpRequest,
    form: forms.Form,
    title: str,
    action: Callable[[dict[str, Any]], Any],
    done: str,
    back: str,
) -> HttpResponse:
    """A form page whose valid input goes to a service: its refusal shows at the
    field it concerns and nothing changes; success goes `back` with `done`."""
    if request.method == "POST" and form.is_valid():
        try:
            made = action(form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, done)
            # A record made goes to its own page; a change goes back.
            return redirect(made if hasattr(made, "get_absolute_url") else back)
    return form_page(request, form, title, cancel_url=back)


@guard("employer.view_index")
def index(request: HttpRequest) -> HttpResponse:
    found = contracts(Contract.objects.visible_to(request.user))
    kind = request.GET.get("soort", "")
    if kind in ContractKind.values:
        found = found.filter(kind=kind)
    page = Paginator(found.order_by("-starts_on", "pk"), 50).get_page(
        request.GET.get("page")
    )
    rooms = Room.objects.visible_to(request.user).only("name", "slug")
    roles = roles_of(request.user)
    if not roles.cooperative & {Role.BOARD, Role.TREASURER}:
        rooms = rooms.filter(pk__in=roles.staff_rooms)
    context = {
        "page": page,
        "kind": kind,
        "kinds": ContractKind.choices,
        "rooms": rooms.order_by("name")[:200],
    }
    return render(request, "employer/index.html", context)


@guard("employer.add_contract")
def contract_create(request: HttpRequest) -> HttpResponse:
    form = ContractForm(
        request.POST or None,
        rooms=Room.objects.order_by("name"),
        people=Person.objects.visible_to(request.user),
    )

    def make(data: dict[str, Any]) -> Contract:
        data = dict(data)
        return services.create_contract(data.pop("person"), data.pop("kind"), **data)

    return run_form(
        request,
        form,
        _("New contract"),
        make,
        _("The contract has been made."),
        reverse("employer:index"),
    )


@guard("employer.view_contract", load=contract_for)
def contract_detail(request: HttpRequest, contract: Contract) -> HttpResponse:
    record_read(contract)
    check = None
    form = InvoiceCheckForm(request.GET or None)
    if request.GET and form.is_valid() and contract.pay:
        try:
            check = check_invoice(
                contract,
                form.cleaned_data["amount"],
                month=form.cleaned_data["month"],
                hours=form.cleaned_data["hours"],
            )
        except ValidationError as error:
            apply_errors(form, error, field="month")
    context = {
        "contract": contract,
        "periods": services.chain_of(contract),
        "extension": Contract.objects.filter(previous=contract).first(),
        "evaluations": contract.evaluations.all(),
        "check_form": form,
        "check": check,
        "can_read_document": bool(
            contract.document
            and request.user.has_perm("documents.view_document", contract.document)
        ),
        "invoices": _invoices(request.user, contract),
    }
    return render(request, "employer/contract.html", context)


def _invoices(user: Any, contract: Contract) -> list[tuple[Any, InvoiceCheck | None]]:
    """The fixed costs that pay this contract (finance links them), each with
    whether it fits; for those who read the pay."""
    if not user.has_perm("employer.view_pay", contract) or not contract.pay:
        return []
    costs = getattr(contract, "fixed_costs", None)
    if costs is None:
        return []
    rows: list[tuple[Any, InvoiceCheck | None]] = []
    for cost in costs.filter(corrections__isnull=True).order_by("-month")[:24]:
        try:
            rows.append((cost, check_invoice(contract, cost.amount, month=cost.month)))
        except ValidationError:
            rows.append((cost, None))
    return rows


@guard("employer.change_contract", load=contract_for)
def contract_extend(request: HttpRequest, contract: Contract) -> HttpResponse:
    def extend(data: dict[str, Any]) -> None:
        services.extend_contract(contract, **data)
        return None

    title = _("Extend the contract %(contract)s") % {"contract": contract}
    return run_form(
        request,
        ExtendForm(request.POST or None),
        title,
        extend,
        _("The contract has been extended."),
        contract.get_absolute_url(),
    )


@guard("employer.change_contract", load=contract_for)
def contract_end(request: HttpRequest, contract: Contract) -> HttpResponse:
    def end(data: dict[str, Any]) -> None:
        services.end_contract(contract, **data)

    title = _("End the contract %(contract)s") % {"contract": contract}
    return run_form(
        request,
        EndForm(request.POST or None),
        title,
        end,
        _("The contract has been ended."),
        contract.get_absolute_url(),
    )


@guard("employer.change_contract", load=contract_for)
def contract_document(request: HttpRequest, contract: Contract) -> HttpResponse:
    form = DocumentForm(request.POST or None, request.FILES or None)

    def store(data: dict[str, Any]) -> None:
        services.store_signed_document(contract, data["file"], request.user)

    return run_form(
        request,
        form,
        _("Upload the signed contract"),
        store,
        _("The signed contract has been stored."),
        contract.get_absolute_url(),
    )


@guard("employer.change_contract", load=contract_for)
def evaluation_plan(request: HttpRequest, contract: Contract) -> HttpResponse:
    def plan(data: dict[str, Any]) -> None:
        services.plan_evaluation(contract, **data)

    return run_form(
        request,
        EvaluationPlanForm(request.POST or None),
        _("Plan an evaluation"),
        plan,
        _("The evaluation has been planned."),
        contract.get_absolute_url(),
    )


@guard("employer.change_contract", load=evaluation_for)
def evaluation_record(
    request: HttpRequest, evaluation: ContractEvaluation
) -> HttpResponse:
    today = timezone.localdate()
    form = EvaluationRecordForm(request.POST or None, initial={"held_on": today})

    def record(data: dict[str, Any]) -> None:
        services.record_evaluation(evaluation, **data, today=today)

    return run_form(
        request,
        form,
        _("Record the evaluation"),
        record,
        _("The evaluation has been recorded."),
        evaluation.get_absolute_url(),
    )
