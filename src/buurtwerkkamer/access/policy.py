"""The one policy: who may see and do what.

Permissions are `rules` predicates registered under Django permission names, so every
view, queryset, API endpoint and template asks the same question the same way:
`user.has_perm("rooms.change_room", room)`. Scopes (what a user may see at all) are
registered with the core registry and applied by `Model.objects.visible_to(user)`.
"""

from dataclasses import dataclass, field
from typing import Any

import rules
from django.db.models import Q

from buurtwerkkamer.core.registry import register_scope
from buurtwerkkamer.documents.constants import FINANCE_KINDS
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Membership, Person
from buurtwerkkamer.rooms.models import Room

from .constants import FINANCE_ROLES, PERSONAL_DATA_ROLES, READ_ALL_ROLES, Role
from .models import Grant


@dataclass
class Roles:
    """What one user holds, read once per request."""

    cooperative: set[str] = field(default_factory=set)
    rooms: dict[int, set[str]] = field(default_factory=dict)
    organisations: set[int] = field(default_factory=set)
    partner_rooms: set[int] = field(default_factory=set)

    @property
    def reads_all(self) -> bool:
        return bool(self.cooperative & READ_ALL_ROLES)

    @property
    def reads_finance(self) -> bool:
        return bool(self.cooperative & FINANCE_ROLES)

    def rooms_as(self, *roles: str) -> set[int]:
        return {room for room, held in self.rooms.items() if held & set(roles)}

    @property
    def visible_rooms(self) -> set[int]:
        return set(self.rooms) | self.partner_rooms

    @property
    def staff_rooms(self) -> set[int]:
        return self.rooms_as(Role.PROJECT_COACH, Role.TEAM_COORDINATOR)

    @property
    def all_roles(self) -> set[str]:
        held = set(self.cooperative)
        for room_roles in self.rooms.values():
            held |= room_roles
        if self.organisations:
            held.add(Role.PARTNER)
        return held


def roles_of(user: Any) -> Roles:
    """The user's grants, cached on the user object for the rest of the request."""
    cached = getattr(user, "_bwk_roles", None)
    if cached is not None:
        return cached
    roles = Roles()
    if getattr(user, "is_authenticated", False) and user.is_active:
        for role, room_id, organisation_id in Grant.objects.filter(
            user=user
        ).values_list("role", "room_id", "organisation_id"):
            if room_id:
                roles.rooms.setdefault(room_id, set()).add(role)
            elif organisation_id:
                roles.organisations.add(organisation_id)
            else:
                roles.cooperative.add(role)
        if roles.organisations:
            roles.partner_rooms = set(
                Room.partners.through.objects.filter(
                    organisation_id__in=roles.organisations
                ).values_list("room_id", flat=True)
            )
    user._bwk_roles = roles
    return roles


def forget_roles(user: Any) -> None:
    user.__dict__.pop("_bwk_roles", None)


def room_id_of(obj: Any) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, Room):
        return obj.pk
    return getattr(obj, "room_id", None)


def rooms_q(user: Any, path: str = "room") -> Q:
    """Scope filter for records that belong to a room, following `path` to it. The
    scope is the room's; the permission then decides per kind of record."""
    roles = roles_of(user)
    if roles.reads_finance:
        return Q()
    return Q(**{f"{path}__in": roles.visible_rooms})


# Predicates. Each takes the user and, for object permissions, the object.


def _cooperative(role: str) -> Any:
    @rules.predicate(name=f"is_{role}")
    def check(user: Any) -> bool:
        return role in roles_of(user).cooperative

    return check


def _in_room(*held: str) -> Any:
    @rules.predicate(name=f"in_room_as_{'_'.join(held)}")
    def check(user: Any, obj: Any) -> bool:
        room_id = room_id_of(obj)
        return room_id is not None and bool(
            roles_of(user).rooms.get(room_id, set()) & set(held)
        )

    return check


def _anywhere(*held: str) -> Any:
    @rules.predicate(name=f"anywhere_as_{'_'.join(held)}")
    def check(user: Any) -> bool:
        return bool(roles_of(user).rooms_as(*held))

    return check


is_board = _cooperative(Role.BOARD)
is_treasurer = _cooperative(Role.TREASURER)
is_accountant = _cooperative(Role.ACCOUNTANT)


@rules.predicate
def reads_all(user: Any) -> bool:
    return roles_of(user).reads_all


@rules.predicate
def reads_finance(user: Any) -> bool:
    return roles_of(user).reads_finance


@rules.predicate
def is_partner(user: Any) -> bool:
    return bool(roles_of(user).organisations)


@rules.predicate
def partner_of_room(user: Any, obj: Any) -> bool:
    return room_id_of(obj) in roles_of(user).partner_rooms


@rules.predicate
def own_organisation(user: Any, obj: Any) -> bool:
    organisation_id = obj.pk if isinstance(obj, Organisation) else None
    organisation_id = organisation_id or getattr(obj, "organisation_id", None)
    return organisation_id in roles_of(user).organisations


coaches_room = _in_room(Role.PROJECT_COACH)
coordinates_room = _in_room(Role.TEAM_COORDINATOR)
staff_of_room = _in_room(Role.PROJECT_COACH, Role.TEAM_COORDINATOR)
member_of_room = _in_room(Role.PROJECT_COACH, Role.TEAM_COORDINATOR, Role.VOLUNTEER)
coach_anywhere = _anywhere(Role.PROJECT_COACH)
staff_anywhere = _anywhere(Role.PROJECT_COACH, Role.TEAM_COORDINATOR)


@rules.predicate
def staff_of_person(user: Any, person: Any) -> bool:
    staff = roles_of(user).staff_rooms
    return bool(staff) and person.rooms.filter(pk__in=staff).exists()


@rules.predicate
def document_reader(user: Any, document: Any) -> bool:
    roles = roles_of(user)
    return (
        roles.reads_all
        or (roles.reads_finance and document.kind in FINANCE_KINDS)
        or document.room_id_scope in roles.staff_rooms
        or document.organisation_id_scope in roles.organisations
    )


@rules.predicate
def personal_data_role(user: Any) -> bool:
    return bool(roles_of(user).all_roles & PERSONAL_DATA_ROLES)


def case_files_q(user: Any, path: str = "room") -> Q:
    """Scope of case files (DESIGN.md section 2): the board sees them all; the
    team coordinator and project coach those of their own rooms; nobody else
    any, not the treasurer nor the audit committee."""
    roles = roles_of(user)
    if Role.BOARD in roles.cooperative:
        return Q()
    return Q(**{f"{path}__in": roles.staff_rooms})


authenticated = rules.is_authenticated
view_room = reads_finance | member_of_room | partner_of_room
manage_room = is_board | coaches_room
# Case files: placements, signals, mediation, exclusions, breaches of the house
# rules. Each read is logged (access.case_files.record_read).
reads_case_files = is_board | staff_of_room
finance_manager = is_board | is_treasurer

PERMISSIONS = {
    "core.view_dashboard": authenticated,
    "core.view_job": authenticated,
    "rooms.list_rooms": authenticated,
    "rooms.view_room": view_room,
    "rooms.add_room": is_board,
    "rooms.change_room": manage_room,
    "rooms.change_bank_account": finance_manager,
    "rooms.change_operating_stage": is_board,
    "partners.list_organisations": reads_finance | staff_anywhere | is_partner,
    "partners.view_organisation": reads_finance | staff_anywhere | own_organisation,
    # Contact persons are named people: only for those who work with them.
    "partners.view_contacts": reads_all | staff_anywhere | own_organisation,
    "partners.add_organisation": finance_manager | coach_anywhere,
    "partners.change_organisation": finance_manager | coach_anywhere,
    "partners.change_contact": finance_manager | coach_anywhere,
    "people.list_people": finance_manager | staff_anywhere,
    "people.view_person": finance_manager | staff_of_person,
    "people.add_person": finance_manager | staff_anywhere,
    "people.change_person": is_board | staff_of_person,
    "people.view_register": finance_manager,
    "people.change_membership": finance_manager,
    "documents.view_document": document_reader,
    "documents.add_document": is_board | staff_anywhere | is_treasurer,
    "accounts.use_two_factor": personal_data_role,
}

for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)


def room_scope(user: Any) -> Q:
    roles = roles_of(user)
    return Q() if roles.reads_finance else Q(pk__in=roles.visible_rooms)


def organisation_scope(user: Any) -> Q:
    roles = roles_of(user)
    if roles.reads_finance or roles.staff_rooms:
        return Q()
    return Q(pk__in=roles.organisations)


def person_scope(user: Any) -> Q:
    roles = roles_of(user)
    if roles.cooperative & {Role.BOARD, Role.TREASURER}:
        return Q()
    people = Person.rooms.through.objects.filter(room_id__in=roles.staff_rooms)
    return Q(pk__in=people.values("person_id"))


def membership_scope(user: Any) -> Q:
    roles = roles_of(user)
    if roles.cooperative & {Role.BOARD, Role.TREASURER}:
        return Q()
    return Q(pk__in=[])


def document_scope(user: Any) -> Q:
    roles = roles_of(user)
    if roles.reads_finance:
        return Q()
    return Q(room_id_scope__in=roles.visible_rooms) | Q(
        organisation_id_scope__in=roles.organisations
    )


def register_scopes() -> None:
    register_scope(Room, room_scope)
    register_scope(Organisation, organisation_scope)
    register_scope(Person, person_scope)
    register_scope(Membership, membership_scope)
    register_scope(Document, document_scope)
