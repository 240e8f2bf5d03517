"""Forms of the bank pages: the statement file, and a match chosen by hand."""

from django import forms
from django.utils.translation import gettext_lazy as _


class StatementUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Statement file"),
        help_text=_(
            "CAMT.053 or MT940 as your bank delivers it, or the ABN AMRO "
            "TXT export. A file imported before adds nothing."
        ),
    )


class MatchForm(forms.Form):
    """One choice among the candidates the page offers, as "transfer:<uuid>",
    "expense:<uuid>" or "fixedcost:<uuid>"; the service checks the choice
    again."""

    target = forms.ChoiceField(label=_("Matches"), widget=forms.RadioSelect)

    def __init__(
        self, *args: object, choices: list[tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["target"].choices = choices  # type: ignore[attr-defined]
