from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .models import Evaluation, LearningPlan, Training

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = [
            "theme",
            "evaluator",
            "organisation",
            "evaluator_name",
            "held_on",
            "findings",
            "recommendations",
        ]
        widgets = {"held_on": DATE}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)  # type: ignore[attr-defined]


class FollowUpForm(forms.Form):
    action = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label=_("Owner"),
        help_text=_("The room's staff or a board member, who sees it through."),
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE)

    def __init__(self, *args: Any, room: Room, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners_for(room)  # type: ignore[attr-defined]


def owners_for(room: Room) -> QuerySet[User]:
    """Who can own a follow-up action of the room: its staff and the board."""
    staff = Q(
        grants__room=room, grants__role__in=[Role.PROJECT_COACH, Role.TEAM_COORDINATOR]
    )
    board = Q(grants__role=Role.BOARD, grants__room__isnull=True)
    return (
        User.objects.filter(staff | board, is_active=True).distinct().order_by("name")
    )


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE)


class LearningPlanForm(forms.ModelForm):
    class Meta:
        model = LearningPlan
        fields = ["year", "lessons_learned", "results", "learning_goals"]


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = [
            "title",
            "provider",
            "starts_on",
            "ends_on",
            "learning_plan",
            "status",
            "description",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args: Any, room: Room, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["learning_plan"].queryset = room.learning_plans.all()  # type: ignore[attr-defined]


class ParticipantForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label=_("Person"))

    def __init__(self, *args: Any, training: Training, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        enrolled = training.participants.values("person_id")
        people = training.room.people.exclude(pk__in=enrolled)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class CompletionForm(forms.Form):
    completed_on = forms.DateField(
        label=_("Completed on"),
        widget=DATE,
        required=False,
        help_text=_("Leave empty when the person has not completed it."),
    )


class ReportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/jpeg,image/png"}),
    )
