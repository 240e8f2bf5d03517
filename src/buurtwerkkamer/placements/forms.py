from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.employer.constants import PayBasis
from buurtwerkkamer.partners.constants import OrganisationKind
from buurtwerkkamer.partners.models import ContactPerson, Organisation
from buurtwerkkamer.rooms.models import Room

from .constants import DECISIONS, Outcome, PlacementKind, Seriousness
from .models import PlacementVacancy

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


def agency_contacts() -> Any:
    return ContactPerson.objects.filter(
        organisation__kind=OrganisationKind.BENEFITS_AGENCY
    ).select_related("organisation")


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.organisation.name})"


class VacancyForm(forms.ModelForm):
    class Meta:
        model = PlacementVacancy
        fields = [
            "kind",
            "title",
            "description",
            "hours_per_week",
            "opened_on",
            "closed_on",
        ]
        widgets = {"opened_on": DATE, "closed_on": DATE}


class CandidateForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=120)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    registered_on = forms.DateField(label=_("Registered on"), widget=DATE)
    referred_by = forms.ModelChoiceField(
        label=_("Referred by"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Empty when the candidate came in themselves."),
    )
    referral_contact = ContactChoiceField(
        label=_("Contact person"), queryset=ContactPerson.objects.none(), required=False
    )
    vacancy = forms.ModelChoiceField(
        label=_("Vacancy"), queryset=PlacementVacancy.objects.none(), required=False
    )

    def __init__(self, *args: Any, room: Room, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["referred_by"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            kind=OrganisationKind.BENEFITS_AGENCY
        )
        self.fields["referral_contact"].queryset = agency_contacts()  # type: ignore[attr-defined]
        self.fields["vacancy"].queryset = room.placement_vacancies.filter(  # type: ignore[attr-defined]
            closed_on__isnull=True
        )


class IntakeForm(forms.Form):
    intake_on = forms.DateField(label=_("Intake on"), widget=DATE)
    notes = forms.CharField(label=_("Intake notes"), widget=TEXT, required=False)


class InterviewForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    notes = forms.CharField(label=_("Notes"), widget=TEXT)
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS)


class PlacementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PlacementKind.choices)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE, required=False)
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), max_digits=4, decimal_places=1, min_value=0
    )
    pay = forms.DecimalField(
        label=_("Pay"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        initial=0,
        help_text=_("A perspective job is paid; a participation placement is not."),
    )
    pay_basis = forms.ChoiceField(
        label=_("Paid"), choices=PayBasis.choices, initial=PayBasis.NONE
    )
    trial_ends_on = forms.DateField(
        label=_("Trial period ends on"), widget=DATE, required=False
    )
    first_evaluation_on = forms.DateField(
        label=_("First evaluation on"), widget=DATE, required=False
    )


class DayForm(forms.Form):
    due_on = forms.DateField(label=_("Planned on"), widget=DATE)


class ExtendForm(forms.Form):
    ends_on = forms.DateField(label=_("New end date"), widget=DATE)


class EndForm(forms.Form):
    ended_on = forms.DateField(label=_("Last day"), widget=DATE)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    notes = forms.CharField(label=_("About the outcome"), widget=TEXT, required=False)


class SignalForm(forms.Form):
    raised_on = forms.DateField(label=_("Raised on"), widget=DATE)
    description = forms.CharField(label=_("What is the problem"), widget=TEXT)
    seriousness = forms.ChoiceField(label=_("Seriousness"), choices=Seriousness.choices)
    approach = forms.CharField(label=_("Approach agreed"), widget=TEXT, required=False)
    follow_up_on = forms.DateField(label=_("Follow up on"), widget=DATE)


class ContactForm(forms.Form):
    contacted_on = forms.DateField(label=_("Date"), widget=DATE)
    contact = ContactChoiceField(
        label=_("Contact person"), queryset=ContactPerson.objects.none()
    )
    summary = forms.CharField(label=_("What was said"), widget=TEXT)
    follow_up_on = forms.DateField(
        label=_("Next follow-up on"),
        widget=DATE,
        required=False,
        help_text=_("Empty to keep the follow-up date."),
    )

    def __init__(self, *args: Any, agency_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        contacts = agency_contacts()
        if agency_id:
            contacts = contacts.filter(organisation_id=agency_id)
        self.fields["contact"].queryset = contacts  # type: ignore[attr-defined]


class ResolveForm(forms.Form):
    resolved_on = forms.DateField(label=_("Resolved on"), widget=DATE)
    resolution = forms.CharField(label=_("How it was resolved"), widget=TEXT)
