"""The API keeps the rules the pages keep: bad input gets the model's own message
and changes nothing."""

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from rest_framework import serializers

from buurtwerkkamer.brokering.models import Agreement, check_period
from buurtwerkkamer.core.validators import validate_iban, validate_kvk_number
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.startup.models import Location

from ..factories import OrganisationFactory
from ..personas import World
from .conftest import ApiFor

BAD_IBAN = "NL00ABNA0123456789"
PERIOD = (datetime.date(2027, 1, 1), datetime.date(2026, 12, 31))


def message_of(validator: Callable[[str], None], value: str) -> str:
    """The message the validator gives, in Dutch as the API answers by default."""
    with translation.override("nl"):
        try:
            validator(value)
        except ValidationError as error:
            return str(error.messages[0])
    raise AssertionError(f"{value!r} passed the validator")


def new_organisation(**fields: str) -> dict:
    return {"name": "Fonds Nieuw", "slug": "fonds-nieuw", "kind": "fund", **fields}


def test_an_organisation_with_an_invalid_iban_is_refused(api_for: ApiFor) -> None:
    response = api_for("treasurer").post(
        reverse("api:organisation-list"), new_organisation(iban=BAD_IBAN), format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"iban": [message_of(validate_iban, BAD_IBAN)]}
    assert not Organisation.objects.filter(slug="fonds-nieuw").exists()


def test_an_invalid_iban_leaves_an_organisation_unchanged(
    world: World, api_for: ApiFor
) -> None:
    organisation = OrganisationFactory(iban="NL91ABNA0417164300")
    url = reverse("api:organisation-detail", kwargs={"slug": organisation.slug})

    response = api_for("treasurer").patch(url, {"iban": BAD_IBAN}, format="json")

    organisation.refresh_from_db()
    assert response.status_code == 400
    assert organisation.iban == "NL91ABNA0417164300"


def test_an_iban_is_stored_in_its_compact_form(api_for: ApiFor) -> None:
    payload = new_organisation(iban="nl91 abna 0417 1643 00")

    response = api_for("treasurer").post(
        reverse("api:organisation-list"), payload, format="json"
    )

    assert response.status_code == 201
    assert Organisation.objects.get(slug="fonds-nieuw").iban == "NL91ABNA0417164300"


def test_an_organisation_with_an_invalid_kvk_number_is_refused(
    api_for: ApiFor,
) -> None:
    response = api_for("treasurer").post(
        reverse("api:organisation-list"),
        new_organisation(kvk_number="1234"),
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"kvk_number": [message_of(validate_kvk_number, "1234")]}
    assert not Organisation.objects.filter(slug="fonds-nieuw").exists()


def test_a_location_with_negative_rent_is_refused(
    world: World, api_for: ApiFor
) -> None:
    payload = {"room": world.room.slug, "street": "Gambiadreef", "monthly_rent": "-1"}
    with translation.override("nl"):
        template = str(serializers.DecimalField.default_error_messages["min_value"])

    response = api_for("project_coach").post(
        reverse("api:location-list"), payload, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "monthly_rent": [template.format(min_value=Decimal("0.00"))]
    }
    assert not Location.objects.exists()


def test_an_agreement_ending_before_it_starts_is_refused(
    world: World, api_for: ApiFor
) -> None:
    payload = {
        "room": world.room.slug,
        "kind": "letter_of_intent",
        "title": "Intentie",
        "starts_on": PERIOD[0].isoformat(),
        "ends_on": PERIOD[1].isoformat(),
        "organisations": [world.partner_organisation.slug],
    }

    response = api_for("project_coach").post(
        reverse("api:agreement-list"), payload, format="json"
    )

    expected = message_of(lambda _value: check_period(*PERIOD), "")
    assert response.status_code == 400
    assert response.json() == {"ends_on": [expected]}
    assert not Agreement.objects.exists()
