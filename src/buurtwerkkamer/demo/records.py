"""The standing records of the demo: users and their roles, organisations and their
contact persons, rooms, people and the register of members."""

from typing import TypeVar

from django.db import models

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import ContactPerson, Organisation
from buurtwerkkamer.people.models import Membership, Person
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .context import Demo, email_local, iban
from .facts import CITY, PASSWORD, OrganisationFact, PersonFact, RoomFact
from .facts.organisations import ORGANISATIONS
from .facts.people import LOGINS, PEOPLE
from .facts.rooms import ROOMS

PERSON_DOMAIN = "example.com"  # reserved for examples: no mail reaches anyone real

M = TypeVar("M", bound=models.Model)


def checked(records: list[M]) -> list[M]:
    """Validate before bulk_create, which skips the model's own checks."""
    for record in records:
        record.full_clean()
    return records


def create_users(demo: Demo) -> None:
    # One hash for every login: hashing is slow on purpose (a good part of a second)
    # and one shared demo password gains nothing from a salt per user.
    hashed = User(email=LOGINS[0].email)
    hashed.set_password(PASSWORD)
    users = [
        User(email=login.email, name=login.name, password=hashed.password)
        for login in LOGINS
    ]
    User.objects.bulk_create(checked(users))
    demo.users = {login.key: user for login, user in zip(LOGINS, users, strict=True)}


def _organisation(fact: OrganisationFact) -> Organisation:
    return Organisation(
        name=fact.name,
        slug=fact.slug,
        kind=fact.kind,
        street=fact.address.street,
        house_number=fact.address.house_number,
        postcode=fact.address.postcode,
        city=CITY,
        kvk_number=fact.kvk_number,
        iban=iban(fact.account),
        email=f"info@{fact.domain}",
        phone=fact.phone,
        website=f"https://www.{fact.domain}",
    )


def create_organisations(demo: Demo) -> None:
    organisations = [_organisation(fact) for fact in ORGANISATIONS]
    Organisation.objects.bulk_create(checked(organisations))
    demo.organisations = {org.slug: org for org in organisations}
    contacts = [
        ContactPerson(
            organisation=demo.organisations[fact.slug],
            name=name,
            position=position,
            email=f"{email_local(name)}@{fact.domain}",
            phone=fact.phone,
        )
        for fact in ORGANISATIONS
        for name, position in fact.contacts
    ]
    ContactPerson.objects.bulk_create(checked(contacts))


def _room(fact: RoomFact) -> Room:
    # Every room starts out exploring; its history moves it through the gates.
    return Room(
        name=fact.name,
        slug=fact.slug,
        neighbourhood=fact.neighbourhood,
        municipality=CITY,
        street=fact.address.street,
        house_number=fact.address.house_number,
        postcode=fact.address.postcode,
        city=CITY,
        stage=Stage.EXPLORING,
        bank_iban=iban(fact.account) if fact.account else "",
        bank_holder=f"BuurtWerkKamer Cooperatie UA {fact.neighbourhood}"
        if fact.account
        else "",
    )


def create_rooms(demo: Demo) -> None:
    rooms = [_room(fact) for fact in ROOMS]
    Room.objects.bulk_create(checked(rooms))
    demo.rooms = {room.slug: room for room in rooms}


def _person(demo: Demo, fact: PersonFact) -> Person:
    user = demo.users.get(fact.login)
    name = f"{fact.first_name} {fact.last_name}"
    # Only members leave an e-mail address: the cooperative keeps what it needs.
    email = ""
    if user:
        email = user.email
    elif fact.kind:
        email = f"{email_local(name)}@{PERSON_DOMAIN}"
    return Person(
        first_name=fact.first_name,
        last_name=fact.last_name,
        email=email,
        phone=fact.phone,
        user=user,
    )


def create_people(demo: Demo) -> None:
    people = [_person(demo, fact) for fact in PEOPLE]
    Person.objects.bulk_create(checked(people))
    Person.rooms.through.objects.bulk_create(
        Person.rooms.through(person_id=person.pk, room_id=demo.rooms[slug].pk)
        for person, fact in zip(people, PEOPLE, strict=True)
        for slug in fact.rooms
    )
    create_register(demo, people)


def create_register(demo: Demo, people: list[Person]) -> None:
    """Member numbers follow the order in which people joined."""
    members = sorted(
        (
            (fact.kind, fact, person)
            for fact, person in zip(PEOPLE, people, strict=True)
            if fact.kind is not None
        ),
        key=lambda member: -member[1].joined_ago,
    )
    memberships = [
        Membership(
            person=person,
            number=number,
            kind=kind,
            joined_on=demo.day(fact.joined_ago),
            left_on=demo.day(fact.left_ago) if fact.left_ago is not None else None,
        )
        for number, (kind, fact, person) in enumerate(members, start=1)
    ]
    Membership.objects.bulk_create(checked(memberships))


def create_grants(demo: Demo) -> None:
    grants = []
    for login in LOGINS:
        user = demo.users[login.key]
        if login.rooms:
            grants += [
                Grant(user=user, role=login.role, room=demo.rooms[slug])
                for slug in login.rooms
            ]
        elif login.role == Role.PARTNER:
            organisation = demo.organisations[login.organisation]
            grants.append(Grant(user=user, role=login.role, organisation=organisation))
        else:
            grants.append(Grant(user=user, role=login.role))
    Grant.objects.bulk_create(checked(grants))
