"""Forms for fixed costs and budgets."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.brokering.models import AgreementParty, FundingApplication
from buurtwerkkamer.core.money import format_eur
from buurtwerkkamer.rooms.models import Room

from .constants import BUDGET_CATEGORIES, FixedCostCategory
from .costs import commitments_for, grants_for
from .forms import amount_field
from .models import FixedCostTemplate

MONTH_INPUT = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")


def month_field(label: Any, **options: Any) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=["%Y-%m"], widget=MONTH_INPUT, **options
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class FixedCostForm(forms.Form):
    month = month_field(_("Month"))
    category = forms.ChoiceField(label=_("Category"), choices=FixedCostCategory.choices)
    supplier = forms.CharField(label=_("Supplier"), max_length=120)
    invoice_reference = forms.CharField(label=_("Invoice reference"), max_length=60)
    amount = amount_field(_("Amount"))
    description = forms.CharField(
        label=_("Description"), max_length=200, required=False
    )
    contract_reference = forms.CharField(
        label=_("Contract reference"),
        max_length=100,
        required=False,
        help_text=_("For salaries and fees: the contract this cost pays."),
    )
    document = forms.FileField(
        label=_("Invoice"),
        required=False,
        help_text=_("The invoice as PDF or photo."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )


class CorrectionForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Correct amount"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.00"),
        help_text=_("Zero undoes the booking."),
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )


class GenerateForm(forms.Form):
    month = month_field(_("Month"))


class TemplateForm(forms.ModelForm):
    from_month = month_field(_("From month"))
    until_month = month_field(
        _("Until month"),
        required=False,
        help_text=_("The last month it is booked; empty while it runs."),
    )

    class Meta:
        model = FixedCostTemplate
        fields = [
            "category",
            "supplier",
            "description",
            "amount",
            "from_month",
            "until_month",
            "contract_reference",
        ]


class BudgetLineForm(forms.Form):
    """A budget line; its source is one of the room's commitments or grants
    for the year, or the cooperative's own means."""

    year = forms.IntegerField(widget=forms.HiddenInput)
    category = forms.ChoiceField(label=_("Category"), choices=BUDGET_CATEGORIES)
    amount = forms.DecimalField(
        label=_("Budgeted amount"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.00"),
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    source = forms.ChoiceField(
        label=_("Funding source"),
        required=False,
        help_text=_(
            "The commitments in agreements out of draft that cover the year, and "
            "the funding applications granted for it."
        ),
    )

    def __init__(self, *args: Any, room: Room, year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        commitments = commitments_for(room, year).select_related(
            "agreement", "organisation"
        )
        grants = grants_for(room, year).select_related("funder")
        self.sources: dict[str, AgreementParty | FundingApplication] = {
            f"commitment:{party.uuid}": party
            for party in commitments.order_by("agreement__title", "organisation__name")
        }
        self.sources.update(
            (f"application:{grant.uuid}", grant)
            for grant in grants.order_by("funder__name", "title")
        )
        field: Any = self.fields["source"]
        field.choices = [("", _("The cooperative's own means"))] + [
            (group, choices) for group, choices in self._groups() if choices
        ]

    def _groups(self) -> list[tuple[Any, list[tuple[str, str]]]]:
        commitments, grants = [], []
        for value, source in self.sources.items():
            if isinstance(source, AgreementParty):
                commitments.append((value, commitment_label(source)))
            else:
                grants.append((value, f"{source.funder.name}: {source.title}"))
        return [(_("Commitments"), commitments), (_("Funding applications"), grants)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        source = self.sources.get(data.get("source") or "")
        data["commitment"] = source if isinstance(source, AgreementParty) else None
        data["funding_source"] = (
            source if isinstance(source, FundingApplication) else None
        )
        return data


def commitment_label(party: AgreementParty) -> str:
    """The party, the agreement and what it committed, as the source choice
    shows it."""
    what = [format_eur(party.commitment_amount), party.commitment_in_kind]
    committed = "; ".join(part for part in what if part)
    return f"{party.organisation.name}: {party.agreement.title} ({committed})"
