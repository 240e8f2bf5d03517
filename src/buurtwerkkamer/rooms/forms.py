from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.validators import normalise_iban, normalise_postcode

from .constants import Stage
from .models import Room


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = [
            "name",
            "slug",
            "neighbourhood",
            "municipality",
            "street",
            "house_number",
            "postcode",
            "city",
        ]

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        return normalise_postcode(value) if value else value


class OperatingStageForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=[
            (stage.value, stage.label)
            for stage in (Stage.OPERATIONAL, Stage.PAUSED, Stage.CLOSED)
        ],
    )


class BankAccountForm(forms.ModelForm):
    """Changing where money goes asks for the password again."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Changing bank details asks for your password again."),
    )

    class Meta:
        model = Room
        fields = ["bank_iban", "bank_holder"]

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_bank_iban(self) -> str:
        return normalise_iban(self.cleaned_data["bank_iban"])

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):  # type: ignore[attr-defined]
            raise forms.ValidationError(_("The password is not correct."))
        return password
