from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .models import Breach, HouseRules, PartnerContact, WorkAgreement, YearlyGoal

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoomPeopleMixin:
    """Limits the `person` field to the people of the record's room."""

    def __init__(self, *args: Any, room: Room, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        people = room.people.order_by("last_name", "first_name")
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class HouseRulesForm(forms.ModelForm):
    class Meta:
        model = HouseRules
        fields = ["effective_from", "text"]
        widgets = {"effective_from": DATE, "text": forms.Textarea(attrs={"rows": 14})}
        help_texts = {
            "effective_from": _(
                "Once in effect a version no longer changes; a new one supersedes it."
            )
        }


class BreachForm(RoomPeopleMixin, forms.ModelForm):
    class Meta:
        model = Breach
        fields = ["person", "occurred_on", "what", "action_taken"]
        widgets = {"occurred_on": DATE}


class WorkAgreementForm(RoomPeopleMixin, forms.ModelForm):
    class Meta:
        model = WorkAgreement
        fields = ["person", "kind", "agreed_on", "subject", "agreed", "follow_up_on"]
        widgets = {"agreed_on": DATE, "follow_up_on": DATE}


class YearlyGoalForm(forms.ModelForm):
    class Meta:
        model = YearlyGoal
        fields = ["year", "goal", "measure"]


class GoalNoteForm(forms.Form):
    written_on = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(label=_("Progress"), widget=forms.Textarea)


class PartnerContactForm(forms.ModelForm):
    class Meta:
        model = PartnerContact
        fields = [
            "organisation",
            "contacted_on",
            "contact_person",
            "subject",
            "notes",
            "follow_up",
            "follow_up_on",
        ]
        widgets = {"contacted_on": DATE, "follow_up_on": DATE}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.visible_to(user).order_by("name")
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Followed up on"), widget=DATE)
