from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.partners.models import Organisation

from .constants import AgreementKind
from .models import Agreement, FundingApplication

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        label=_("Parties"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = ["kind", "title", "starts_on", "ends_on", "notes"]
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
