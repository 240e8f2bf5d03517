"""Forms for activities and for recording a session on a phone."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.people.models import Person

from .constants import MAX_HOURS, MAX_VISITORS
from .models import Activity

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "name",
            "kind",
            "description",
            "schedule",
            "leader",
            "active_from",
            "active_until",
            "needs_participants",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "active_from": DATE_INPUT,
            "active_until": DATE_INPUT,
        }

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leader: Any = self.fields["leader"]
        leader.queryset = people


class SessionForm(forms.Form):
    """One screen: the date, the count, who helped and for how long. Each
    volunteer of the room is a checkbox with an hours field beside it, filled in
    with the session's usual length."""

    held_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    visitors = forms.IntegerField(
        label=_("Visitors"),
        min_value=0,
        max_value=MAX_VISITORS,
        help_text=_("How many people came, not counting the volunteers."),
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "pattern": "[0-9]*", "min": 0}
        ),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args: Any,
        people: list[Person],
        hours: Decimal,
        participants: list[Person] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = people
        for person in people:
            self.fields[f"present_{person.pk}"] = forms.BooleanField(
                label=str(person), required=False
            )
            self.fields[f"hours_{person.pk}"] = forms.DecimalField(
                label=_("Hours of %(name)s") % {"name": person},
                required=False,
                initial=hours,
                min_value=Decimal("0.01"),
                max_value=MAX_HOURS,
                decimal_places=2,
                max_digits=4,
                widget=forms.NumberInput(
                    attrs={"inputmode": "decimal", "step": "0.25", "min": "0"}
                ),
            )
        if participants is not None:
            self.fields["participants"] = forms.ModelMultipleChoiceField(
                label=_("Participants"),
                queryset=Person.objects.filter(pk__in=[p.pk for p in participants]),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def volunteer_rows(self) -> list[tuple[Person, Any, Any]]:
        return [
            (person, self[f"present_{person.pk}"], self[f"hours_{person.pk}"])
            for person in self.people
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        present: dict[Person, Decimal] = {}
        for person in self.people:
            if not data.get(f"present_{person.pk}"):
                continue
            hours = data.get(f"hours_{person.pk}")
            if hours is None:
                self.add_error(
                    f"hours_{person.pk}",
                    _("Fill in the hours of %(name)s.") % {"name": person},
                )
                continue
            present[person] = hours
        data["volunteers"] = present
        return data
