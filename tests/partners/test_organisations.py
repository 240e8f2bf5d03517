import pytest
from django.urls import reverse

from buurtwerkkamer.partners.models import Organisation
from tests.personas import World

VALID = {
    "name": "Woonstichting De Brug",
    "slug": "de-brug",
    "kind": "housing_association",
    "kvk_number": "12345678",
    "iban": "nl91 abna 0417 1643 00",
    "postcode": "3564ab",
    "city": "Utrecht",
}


def create(client, world: World, **changes: str):
    client.force_login(world.users["treasurer"])
    return client.post(reverse("partners:create"), {**VALID, **changes})


def test_an_organisation_is_stored_with_normalised_iban_and_postcode(
    client, world: World
) -> None:
    response = create(client, world)
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="de-brug")
    assert organisation.iban == "NL91ABNA0417164300"
    assert organisation.postcode == "3564 AB"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("iban", "NL91ABNA0417164301"),
        ("kvk_number", "1234567"),
        ("kvk_number", "1234567a"),
        ("postcode", "0123 AB"),
    ],
)
def test_an_invalid_identifier_is_refused_and_nothing_saved(
    client, world: World, field: str, value: str
) -> None:
    response = create(client, world, **{field: value})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Organisation.objects.filter(slug="de-brug").exists()


def test_a_partner_user_sees_only_their_own_organisation(client, world: World) -> None:
    create(client, world)
    client.force_login(world.users["partner"])
    response = client.get(reverse("partners:list"))
    assert [o.slug for o in response.context["page"]] == ["gemeente-thuis"]
