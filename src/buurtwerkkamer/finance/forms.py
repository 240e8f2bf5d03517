from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.validators import normalise_iban

from .constants import ExpenseCategory
from .models import CooperativeAccount

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def amount_field(label: "StrOrPromise") -> forms.DecimalField:
    # `inputmode` makes a phone show its number pad with the decimal separator.
    return forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )


class MonthForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2999)


class TransferForm(forms.Form):
    month = forms.DateField(input_formats=["%Y-%m"], widget=forms.HiddenInput)
    amount = amount_field(_("Amount"))


class BatchForm(forms.Form):
    execution_date = forms.DateField(
        label=_("Execution date"),
        widget=DATE,
        help_text=_("The day the bank pays the transfers."),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 2})
    )


class ExpenseForm(forms.Form):
    spent_on = forms.DateField(label=_("Date"), widget=DATE)
    amount = amount_field(_("Amount"))
    description = forms.CharField(label=_("What was bought"), max_length=200)
    category = forms.ChoiceField(
        label=_("Category"),
        choices=ExpenseCategory.choices,
        widget=forms.RadioSelect,
    )
    receipt = forms.FileField(
        label=_("Receipt"),
        help_text=_("A photo or a PDF of the receipt."),
        widget=forms.ClearableFileInput(
            # `capture` makes a phone open its camera; a computer shows the file
            # chooser as usual.
            attrs={"accept": "image/*,application/pdf", "capture": "environment"}
        ),
    )


class CheckForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Check"),
        choices=[
            ("1", _("In order")),
            ("0", _("Query it with a remark")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    remark = forms.CharField(
        label=_("Remark"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RefundForm(forms.Form):
    amount = amount_field(_("Amount refunded"))
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )


class CooperativeAccountForm(forms.ModelForm):
    """Where the money comes from; changing it asks for the password again."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Changing bank details asks for your password again."),
    )

    class Meta:
        model = CooperativeAccount
        fields = ["name", "iban", "bic", "pain_version", "monthly_allowance"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_iban(self) -> str:
        return normalise_iban(self.cleaned_data["iban"])

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
