from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        "invalid_login": _("This e-mail address and password do not match."),
        "inactive": _("This account has been deactivated."),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].lower()
