from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import ContactPerson
from buurtwerkkamer.people.models import Person

from .constants import COOPERATIVE_KINDS, MeetingKind
from .models import Attendee, Meeting

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class WhenForm(forms.Form):
    """What planning and rescheduling share: the title, the time and the place."""

    title = forms.CharField(label=_("Title"), max_length=200)
    day = forms.DateField(label=_("Date"), widget=DATE)
    starts = forms.TimeField(label=_("Starts at"), widget=TIME)
    ends = forms.TimeField(label=_("Ends at"), widget=TIME, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def when_data(self) -> dict[str, Any]:
        """The cleaned fields as the services take them: moments, not a day and
        two times."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "starts_at": moment(data["day"], data["starts"]),
            "ends_at": moment(data["day"], data["ends"]) if data["ends"] else None,
            "place": data["place"],
        }

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict[str, Any]:
        starts = timezone.localtime(meeting.starts_at)
        ends = timezone.localtime(meeting.ends_at) if meeting.ends_at else None
        return {
            "title": meeting.title,
            "day": starts.date(),
            "starts": starts.time(),
            "ends": ends.time() if ends else None,
            "place": meeting.place,
        }


class MeetingForm(WhenForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("One item per line; it can be completed later."),
    )

    field_order = ["kind", "title", "day", "starts", "ends", "place", "agenda"]

    def __init__(self, *args: Any, cooperative: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if cooperative:
            kinds = [(k.value, k.label) for k in MeetingKind if k in COOPERATIVE_KINDS]
            self.fields["kind"].choices = kinds  # type: ignore[attr-defined]

    def meeting_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"kind": data["kind"], "agenda": data["agenda"], **self.when_data()}


def moment(day: Any, time: Any) -> datetime:
    return timezone.make_aware(datetime.combine(day, time))


class AgendaForm(forms.Form):
    agenda = forms.CharField(
        label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 10}), required=False
    )


class InviteForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        label=_("Residents and volunteers"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contacts = forms.ModelMultipleChoiceField(
        queryset=ContactPerson.objects.none(),
        label=_("Contact persons of partners"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    users = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        label=_("Staff"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 10})
    )
    present = forms.ModelMultipleChoiceField(
        queryset=Attendee.objects.none(),
        label=_("Present"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One decision per line; they are added to those recorded."),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attendees = meeting.attendees.select_related(
            "person", "contact__organisation", "user"
        )
        field = self.fields["present"]
        field.queryset = attendees  # type: ignore[attr-defined]
        field.label_from_instance = str  # type: ignore[attr-defined]


class ActionItemForm(forms.Form):
    what = forms.CharField(label=_("What"), max_length=300)
    owner = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Owner"))
    due_on = forms.DateField(label=_("Due on"), widget=DATE)

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE)
