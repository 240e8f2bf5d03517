from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.registry import indicators
from buurtwerkkamer.partners.models import Organisation

from .constants import AgreementKind
from .models import Agreement, AgreementParty, FundingApplication

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        label=_("Parties"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "year",
            "starts_on",
            "ends_on",
            "shared_goals",
            "notes",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AgreementKind.choices  # type: ignore[attr-defined]
        self.fields["parties"].queryset = Organisation.objects.visible_to(user)  # type: ignore[attr-defined]


class PartyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Organisation")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)  # type: ignore[attr-defined]


class SignatureForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    signed_by = forms.CharField(label=_("Signed by (name)"), max_length=150)


class CommitmentForm(forms.Form):
    commitment_amount = forms.DecimalField(
        label=_("Committed amount"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.00"),
        required=False,
        help_text=_("In euros; leave empty when the party gives nothing in money."),
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    commitment_in_kind = forms.CharField(
        label=_("Committed in kind"),
        max_length=200,
        required=False,
        help_text=_("For instance a space, staff hours or materials."),
    )


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/jpeg,image/png"}),
    )


class FundingApplicationForm(forms.ModelForm):
    class Meta:
        model = FundingApplication
        fields = [
            "funder",
            "title",
            "amount_requested",
            "period_start",
            "period_end",
            "status",
            "submitted_on",
            "decision_expected_on",
            "decided_on",
            "amount_granted",
            "conditions",
        ]
        widgets = {
            "period_start": DATE,
            "period_end": DATE,
            "submitted_on": DATE,
            "decision_expected_on": DATE,
            "decided_on": DATE,
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = Organisation.objects.visible_to(user)  # type: ignore[attr-defined]


class AmendmentForm(forms.Form):
    amended_on = forms.DateField(label=_("Amended on"), widget=DATE)
    changes = forms.CharField(
        label=_("What changed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The parties sign the amended agreement again."),
    )


class ObligationForm(forms.Form):
    computed_indicator = forms.ChoiceField(
        label=_("Computed indicator"),
        required=False,
        help_text=_("Choose one, or leave empty and name an indicator to enter."),
    )
    indicator_name = forms.CharField(
        label=_("Indicator entered by hand"), max_length=100, required=False
    )
    description = forms.CharField(
        label=_("Description"), max_length=300, required=False
    )
    target = forms.DecimalField(label=_("Target"), max_digits=12, decimal_places=2)
    unit = forms.CharField(
        label=_("Unit"),
        max_length=60,
        required=False,
        help_text=_("A computed indicator brings its own unit."),
    )
    period_start = forms.DateField(label=_("Period from"), required=False, widget=DATE)
    period_end = forms.DateField(label=_("Period until"), required=False, widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(item.code, item.label) for item in indicators()]
        self.fields["computed_indicator"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        code = data.get("computed_indicator") or ""
        if not code and not data.get("indicator_name"):
            raise forms.ValidationError(_("Choose a computed indicator or name one."))
        return data

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        code = data["computed_indicator"]
        return {
            "indicator": code or data["indicator_name"],
            "computed": bool(code),
            "description": data["description"],
            "target": data["target"],
            "unit": data["unit"],
            "period_start": data["period_start"],
            "period_end": data["period_end"],
        }


class ValueForm(forms.Form):
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    as_of = forms.DateField(label=_("As of"), widget=DATE)
    note = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where the figure comes from; or upload a document."),
    )
    file = forms.FileField(
        label=_("Evidence document"),
        required=False,
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/jpeg,image/png"}),
    )


class InvestmentForm(forms.Form):
    party = forms.ModelChoiceField(
        queryset=AgreementParty.objects.none(), label=_("Party")
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    amount = forms.DecimalField(
        label=_("Amount"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.00"),
        required=False,
    )
    in_kind = forms.CharField(
        label=_("In kind"),
        max_length=200,
        required=False,
        help_text=_("For instance a space, staff hours or materials."),
    )

    def __init__(self, *args: Any, agreement: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parties = agreement.parties.select_related("organisation")
        self.fields["party"].queryset = parties  # type: ignore[attr-defined]
        years = [(year, str(year)) for year in agreement.years]
        self.fields["year"].choices = years  # type: ignore[attr-defined]


class ReportingDateForm(forms.Form):
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
    subject = forms.CharField(label=_("What to report"), max_length=200)


class ReportedForm(forms.Form):
    done_on = forms.DateField(label=_("Reported on"), widget=DATE)
