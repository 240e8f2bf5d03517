from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.rooms.models import Room

from .constants import Chapter
from .route import reviewer_choices


class TextsForm(forms.Form):
    """The team's and coach's own text for each chapter."""

    def __init__(self, *args: Any, texts: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, label in Chapter.choices:
            self.fields[code] = forms.CharField(
                label=label,
                required=False,
                max_length=10_000,
                initial=texts.get(code, ""),
                widget=forms.Textarea(attrs={"rows": 5}),
            )


class ReviewForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewed by"),
        queryset=reviewer_choices(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least two members of the audit committee, none on the board."),
    )
    passed = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[
            ("1", _("Passed: on to the accountant")),
            ("0", _("Sent back with remarks")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    remarks = forms.CharField(
        label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = reviewer_choices()  # type: ignore[attr-defined]


class ApproveForm(forms.Form):
    statement = forms.FileField(
        label=_("Accountant's statement"),
        help_text=_("PDF, at most 10 MB."),
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class CountForm(forms.Form):
    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none())
    counted_on = forms.DateField(
        label=_("Counted on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    counted = forms.DecimalField(
        label=_("Counted"), max_digits=12, decimal_places=2, min_value=0
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.order_by("name")  # type: ignore[attr-defined]


class FindingForm(forms.Form):
    room = forms.ModelChoiceField(
        label=_("Room"),
        queryset=Room.objects.none(),
        required=False,
        help_text=_("Empty for a finding about the cooperation as a whole."),
    )
    finding = forms.CharField(
        label=_("Finding"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.order_by("name")  # type: ignore[attr-defined]


class FollowUpForm(forms.Form):
    follow_up = forms.CharField(
        label=_("Follow-up"), widget=forms.Textarea(attrs={"rows": 4})
    )
    resolved_on = forms.DateField(
        label=_("Resolved on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class AdviceForm(forms.Form):
    advice = forms.CharField(
        label=_("Report and advice to the general meeting"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
