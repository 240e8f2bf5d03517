from django import forms

from buurtwerkkamer.core.validators import normalise_iban, normalise_postcode

from .models import ContactPerson, Organisation


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "kind",
            "kvk_number",
            "iban",
            "street",
            "house_number",
            "postcode",
            "city",
            "email",
            "phone",
            "website",
        ]

    def clean_iban(self) -> str:
        value = self.cleaned_data["iban"]
        return normalise_iban(value) if value else value

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        return normalise_postcode(value) if value else value


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "position", "email", "phone"]
