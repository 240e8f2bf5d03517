"""People and contact persons: personal data on a need-to-know basis."""

import pytest
from django.urls import reverse

from buurtwerkkamer.people.models import Person

from ..factories import ContactPersonFactory, OrganisationFactory, PersonFactory
from ..personas import World
from .conftest import ApiFor


def test_a_coach_sees_only_the_rooms_of_a_person_they_may_see(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room, world.other_room])
    url = reverse("api:person-detail", kwargs={"uuid": person.uuid})

    response = api_for("project_coach").get(url)

    assert response.json()["rooms"] == [world.room.slug]


def test_a_coach_changing_a_persons_rooms_keeps_the_rooms_they_cannot_see(
    world: World, api_for: ApiFor
) -> None:
    person = PersonFactory(rooms=[world.room, world.other_room])
    url = reverse("api:person-detail", kwargs={"uuid": person.uuid})

    api_for("project_coach").patch(url, {"rooms": [world.room.slug]}, format="json")

    assert set(person.rooms.all()) == {world.room, world.other_room}


def test_a_partner_gets_403_on_the_list_of_people(
    world: World, api_for: ApiFor
) -> None:
    PersonFactory(rooms=[world.room])

    response = api_for("partner").get(reverse("api:person-list"))

    assert response.status_code == 403
    assert "results" not in response.json()


def test_a_team_coordinator_adds_a_person_to_their_room(
    world: World, api_for: ApiFor
) -> None:
    payload = {"first_name": "Fatma", "last_name": "Yilmaz", "rooms": [world.room.slug]}

    response = api_for("team_coordinator").post(
        reverse("api:person-list"), payload, format="json"
    )

    person = Person.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert list(person.rooms.all()) == [world.room]


def test_a_partner_sees_the_contact_persons_of_their_own_organisation_only(
    world: World, api_for: ApiFor
) -> None:
    own = ContactPersonFactory(organisation=world.partner_organisation)
    ContactPersonFactory(organisation=OrganisationFactory())

    response = api_for("partner").get(reverse("api:contact-list"))

    assert [row["uuid"] for row in response.json()["results"]] == [str(own.uuid)]


def test_contact_persons_filter_by_organisation(world: World, api_for: ApiFor) -> None:
    own = ContactPersonFactory(organisation=world.partner_organisation)
    ContactPersonFactory(organisation=OrganisationFactory())

    response = api_for("board").get(
        reverse("api:contact-list"), {"organisation": world.partner_organisation.slug}
    )

    assert [row["uuid"] for row in response.json()["results"]] == [str(own.uuid)]


@pytest.mark.parametrize("role", ["audit_committee", "accountant"])
def test_who_checks_the_books_sees_an_organisation_but_not_its_contacts(
    role: str, world: World, api_for: ApiFor
) -> None:
    contact = ContactPersonFactory(organisation=world.partner_organisation)
    client = api_for(role)
    organisation_url = reverse(
        "api:organisation-detail", kwargs={"slug": world.partner_organisation.slug}
    )

    organisation = client.get(organisation_url)
    listed = client.get(reverse("api:contact-list")).json()["count"]
    detail = client.get(reverse("api:contact-detail", kwargs={"uuid": contact.uuid}))

    assert organisation.json()["slug"] == world.partner_organisation.slug
    assert (listed, detail.status_code) == (0, 403)


@pytest.mark.parametrize("role", ["board", "treasurer", "team_coordinator"])
def test_the_board_treasurer_and_room_staff_see_every_contact(
    role: str, world: World, api_for: ApiFor
) -> None:
    own = ContactPersonFactory(organisation=world.partner_organisation)
    other = ContactPersonFactory(organisation=OrganisationFactory())

    response = api_for(role).get(reverse("api:contact-list"))

    assert {row["uuid"] for row in response.json()["results"]} == {
        str(own.uuid),
        str(other.uuid),
    }


def test_a_partner_gets_404_on_a_contact_of_another_organisation(
    world: World, api_for: ApiFor
) -> None:
    other = ContactPersonFactory(organisation=OrganisationFactory())
    url = reverse("api:contact-detail", kwargs={"uuid": other.uuid})

    response = api_for("partner").get(url)

    assert response.status_code == 404


def test_a_coach_changes_a_contact_person(world: World, api_for: ApiFor) -> None:
    contact = ContactPersonFactory(organisation=world.partner_organisation)
    url = reverse("api:contact-detail", kwargs={"uuid": contact.uuid})

    response = api_for("project_coach").patch(
        url, {"position": "Wijkregisseur"}, format="json"
    )

    contact.refresh_from_db()
    assert response.status_code == 200
    assert contact.position == "Wijkregisseur"


def test_a_partner_gets_403_on_changing_a_contact_of_their_organisation(
    world: World, api_for: ApiFor
) -> None:
    contact = ContactPersonFactory(
        organisation=world.partner_organisation, position="Beleidsadviseur"
    )
    url = reverse("api:contact-detail", kwargs={"uuid": contact.uuid})

    response = api_for("partner").patch(url, {"position": "Directeur"}, format="json")

    contact.refresh_from_db()
    assert response.status_code == 403
    assert contact.position == "Beleidsadviseur"


def test_a_coordinator_cannot_create_a_person_outside_their_rooms(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("team_coordinator").post(
        "/api/v1/people/", {"first_name": "Jan", "last_name": "Los"}, format="json"
    )
    assert response.status_code == 400
    assert "rooms" in response.json()
    assert not Person.objects.filter(last_name="Los").exists()
