from typing import Any

from django import forms

from buurtwerkkamer.rooms.models import Room

from .models import Membership, Person


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "rooms"]
        widgets = {"rooms": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rooms"].queryset = Room.objects.visible_to(user)  # type: ignore[attr-defined]


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "number", "kind", "joined_on", "left_on"]
        widgets = {
            "joined_on": forms.DateInput(attrs={"type": "date"}),
            "left_on": forms.DateInput(attrs={"type": "date"}),
        }
