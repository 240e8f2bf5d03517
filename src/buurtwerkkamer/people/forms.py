from typing import Any

from django import forms

from buurtwerkkamer.rooms.models import Room

from .models import Membership, Person
from .services import save_person


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "rooms"]
        widgets = {"rooms": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.visible_rooms = list(Room.objects.visible_to(user))
        self.fields["rooms"].queryset = Room.objects.visible_to(user)  # type: ignore[attr-defined]
        if not user.has_perm("people.view_register"):
            # Room staff see people through their rooms: a person they enter must
            # belong to one of them, or they would lose sight of it at once.
            self.fields["rooms"].required = True
            if self.instance.pk is None:
                self.initial.setdefault("rooms", self.visible_rooms[:1])

    def save_with_rooms(self) -> Person:
        return save_person(
            self.save(commit=False),
            list(self.cleaned_data["rooms"]),
            self.user,
        )


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "kind", "joined_on"]
        widgets = {"joined_on": forms.DateInput(attrs={"type": "date"})}


class MembershipEditForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["kind", "joined_on", "left_on"]
        widgets = {
            "joined_on": forms.DateInput(attrs={"type": "date"}),
            "left_on": forms.DateInput(attrs={"type": "date"}),
        }
