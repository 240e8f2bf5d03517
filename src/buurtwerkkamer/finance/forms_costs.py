"""Forms for fixed costs and budgets."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.brokering.models import FundingApplication
from buurtwerkkamer.rooms.models import Room

from .constants import BUDGET_CATEGORIES, FixedCostCategory
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
    year = forms.IntegerField(widget=forms.HiddenInput)
    category = forms.ChoiceField(label=_("Category"), choices=BUDGET_CATEGORIES)
    amount = forms.DecimalField(
        label=_("Budgeted amount"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.00"),
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    funding_source = forms.ModelChoiceField(
        label=_("Funding source"),
        queryset=FundingApplication.objects.none(),
        required=False,
        empty_label=_("The cooperative's own means"),
    )

    def __init__(self, *args: Any, room: Room, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["funding_source"]
        field.queryset = room.funding_applications.select_related("funder").order_by(
            "-period_start", "title"
        )
        field.label_from_instance = lambda application: (
            f"{application.funder.name}: {application.title}"
        )
