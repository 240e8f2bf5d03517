from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import ConductResult, ContractKind, PayBasis, Position
from .models import StaffVacancy

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONTH = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _hours() -> forms.DecimalField:
    return forms.DecimalField(
        label=_("Hours per week"), max_digits=4, decimal_places=1, min_value=0
    )


class TermsForm(forms.Form):
    """The terms of a contract, as `services.create_contract` takes them."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ContractKind.choices)
    position = forms.ChoiceField(
        label=_("Position"),
        choices=[("", "—"), *Position.choices],
        required=False,
        help_text=_("For paid staff."),
    )
    rooms = forms.ModelMultipleChoiceField(
        label=_("Rooms served"), queryset=Room.objects.none()
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=DATE,
        required=False,
        help_text=_("Empty for an open end."),
    )
    hours_per_week = _hours()
    pay = forms.DecimalField(
        label=_("Pay, fee or allowance"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        initial=0,
    )
    pay_basis = forms.ChoiceField(label=_("Paid"), choices=PayBasis.choices)
    trial_ends_on = forms.DateField(
        label=_("Trial period ends on"), widget=DATE, required=False
    )

    def __init__(
        self, *args: Any, rooms: Any, kinds: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rooms"].queryset = rooms  # type: ignore[attr-defined]
        if kinds is not None:
            self.fields["kind"].choices = [  # type: ignore[attr-defined]
                (value, label)
                for value, label in ContractKind.choices
                if value in kinds
            ]


class ContractForm(TermsForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())

    field_order = ["person"]

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class HireForm(TermsForm):
    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=120)

    field_order = ["first_name", "last_name"]


class ExtendForm(forms.Form):
    ends_on = forms.DateField(label=_("New end date"), widget=DATE)
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"),
        max_digits=4,
        decimal_places=1,
        min_value=0,
        required=False,
        help_text=_("Empty to keep the hours."),
    )
    pay = forms.DecimalField(
        label=_("Pay, fee or allowance"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("Empty to keep the pay."),
    )


class EndForm(forms.Form):
    ends_on = forms.DateField(label=_("Last day"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class EvaluationPlanForm(forms.Form):
    due_on = forms.DateField(label=_("Planned on"), widget=DATE)


class EvaluationRecordForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=DATE)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea)


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/jpeg,image/png"}),
    )


class InvoiceCheckForm(forms.Form):
    month = forms.DateField(label=_("Month of the invoice"), widget=DATE)
    amount = forms.DecimalField(
        label=_("Invoiced amount"), max_digits=12, decimal_places=2, min_value=0
    )
    hours = forms.DecimalField(
        label=_("Hours invoiced"),
        max_digits=6,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=_("For an hourly fee."),
    )


class VacancyForm(forms.ModelForm):
    class Meta:
        model = StaffVacancy
        fields = [
            "title",
            "position",
            "room",
            "hours_per_week",
            "description",
            "opened_on",
            "closed_on",
        ]
        widgets = {"opened_on": DATE, "closed_on": DATE}


class ApplicantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)


class InterviewForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea)


class RoomPersonForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Volunteer"), queryset=Person.objects.none()
    )

    def __init__(self, *args: Any, room: Room, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = room.people.all()  # type: ignore[attr-defined]


class TaskForm(RoomPersonForm):
    task = forms.CharField(label=_("Task"), max_length=200)
    needs_certificate = forms.BooleanField(
        label=_("Needs a certificate of conduct"), required=False
    )
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("Until"), widget=DATE, required=False)


class CertificateForm(RoomPersonForm):
    issued_on = forms.DateField(label=_("Date"), widget=DATE)
    result = forms.ChoiceField(label=_("Result"), choices=ConductResult.choices)


class AllowanceForm(RoomPersonForm):
    month = forms.DateField(
        label=_("Month"), widget=MONTH, help_text=_("The first day of the month.")
    )
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=12, decimal_places=2, min_value=0
    )
