"""One persona per role of DESIGN.md section 2, all around one home room, plus an
outsider room that nobody but the cooperative-wide roles may see."""

from dataclasses import dataclass

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .factories import GrantFactory, OrganisationFactory, RoomFactory, UserFactory

ROLES = [role.value for role in Role]


@dataclass
class World:
    room: Room
    other_room: Room
    partner_organisation: Organisation
    users: dict[str, User]


def build_world() -> World:
    room = RoomFactory(name="Kamer Thuis", slug="thuis")
    other_room = RoomFactory(name="Kamer Elders", slug="elders")
    partner = OrganisationFactory(name="Gemeente Thuis", slug="gemeente-thuis")
    room.partners.add(partner)
    users = {}
    for role in Role:
        user = UserFactory(email=f"{role.value}@example.nl", name=str(role.label))
        if role in (Role.PROJECT_COACH, Role.TEAM_COORDINATOR, Role.VOLUNTEER):
            GrantFactory(user=user, role=role, room=room)
        elif role == Role.PARTNER:
            GrantFactory(user=user, role=role, organisation=partner)
        else:
            GrantFactory(user=user, role=role)
        users[role.value] = user
    users["nobody"] = UserFactory(email="nobody@example.nl", name="Zonder rol")
    return World(room, other_room, partner, users)
