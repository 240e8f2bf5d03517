from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.people.models import Person

from .constants import Outcome
from .models import Exclusion, MediationCase

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        label=_("Parties"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The residents or volunteers of the room involved."),
    )

    class Meta:
        model = MediationCase
        fields = ["title", "parties", "opened_on", "what_happened"]
        widgets = {"opened_on": DATE}

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = people  # type: ignore[attr-defined]


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    present = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        label=_("Parties present"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    others_present = forms.CharField(
        label=_("Also present"),
        max_length=300,
        required=False,
        help_text=_("The mediator and anyone else, by role."),
    )
    agreed = forms.CharField(label=_("What was agreed"), widget=forms.Textarea)

    def __init__(self, *args: Any, case: MediationCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = case.parties.all()  # type: ignore[attr-defined]


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Mediation aims at keeping everyone on board. A temporary exclusion "
            "is the last resort: decide it from this case first."
        ),
    )
    outcome_notes = forms.CharField(
        label=_("About the outcome"), widget=forms.Textarea, required=False
    )
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE)


class ExclusionForm(forms.ModelForm):
    class Meta:
        model = Exclusion
        fields = ["person", "starts_on", "ends_on", "reason"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class EndEarlyForm(forms.Form):
    ends_on = forms.DateField(label=_("New last day"), widget=DATE)
