from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.validators import normalise_postcode
from buurtwerkkamer.partners.models import Organisation

from .constants import LocationStatus
from .models import ChecklistItem, Location, Talk

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TalkForm(forms.ModelForm):
    class Meta:
        model = Talk
        fields = ["organisation", "held_on", "summary", "follow_up_on"]
        widgets = {"held_on": DATE, "follow_up_on": DATE}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)  # type: ignore[attr-defined]


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = [
            "street",
            "house_number",
            "postcode",
            "city",
            "floor_area",
            "monthly_rent",
            "landlord",
            "status",
            "notes",
        ]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["landlord"].queryset = Organisation.objects.visible_to(user)  # type: ignore[attr-defined]
        if self.instance.status != LocationStatus.CHOSEN:
            # Choosing goes through its own button, which unchooses the previous one.
            self.fields["status"].choices = [  # type: ignore[attr-defined]
                choice
                for choice in self.fields["status"].choices  # type: ignore[attr-defined]
                if choice[0] != LocationStatus.CHOSEN
            ]

    def clean_postcode(self) -> str:
        return normalise_postcode(self.cleaned_data["postcode"])


class ChecklistItemForm(forms.ModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["title", "due_on"]
        widgets = {"due_on": DATE}


class AdvanceForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for passing without the evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the board can pass a gate without its evidence."),
    )
