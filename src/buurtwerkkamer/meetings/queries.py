"""Reads for the meeting pages: lists in a fixed number of queries, who belongs
on the invitation list of a room, and attendees as a given user may see them."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import ContactPerson
from buurtwerkkamer.people.models import Membership, Person
from buurtwerkkamer.rooms.models import Room

from .constants import MeetingKind
from .models import ActionItem, Attendee, Meeting

STAFF_ROLES = (Role.PROJECT_COACH, Role.TEAM_COORDINATOR)


def room_users(room: Room, roles: tuple[str, ...] = ()) -> QuerySet[User]:
    """Active users with a role in the room, or with one of `roles` there."""
    grants = Grant.objects.filter(room=room)
    if roles:
        grants = grants.filter(role__in=roles)
    return User.objects.filter(is_active=True, pk__in=grants.values("user_id"))


def room_staff(room: Room) -> QuerySet[User]:
    return room_users(room, STAFF_ROLES)


def active_people(room: Room, today: date) -> QuerySet[Person]:
    """The room's people, less those whose membership of the cooperative ended and
    who hold no other: residents who never became members count as active."""
    ended = Membership.objects.filter(person=OuterRef("pk"), left_on__lte=today)
    current = Membership.objects.filter(person=OuterRef("pk")).filter(
        Q(left_on__isnull=True) | Q(left_on__gt=today)
    )
    return room.people.exclude(Exists(ended) & ~Exists(current))


def invitation_list(
    room: Room, today: date
) -> tuple[list[Person], list[ContactPerson], list[User]]:
    """Everyone involved in the room: its active people, the contact persons of its
    partner organisations, and the users with a role in it. Someone with a login
    is invited once, as that user."""
    users = list(room_users(room).order_by("name"))
    people = active_people(room, today).exclude(user__in=[user.pk for user in users])
    contacts = ContactPerson.objects.filter(organisation__in=room.partners.all())
    return list(people), list(contacts.order_by("name")), users


def annotated(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    # Counted in subqueries rather than over joins: a join groups every meeting of
    # every year before the page takes its 25, a subquery counts for those 25.
    return (
        meetings.select_related("room")
        .order_by("-starts_at", "pk")
        .annotate(
            invited=_count_of(Attendee.objects.all()),
            open_actions=_count_of(ActionItem.objects.filter(done_on__isnull=True)),
        )
    )


def _count_of(records: QuerySet[Any]) -> Coalesce:
    """How many of `records` belong to the meeting of the outer query."""
    count = (
        records.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
    )
    return Coalesce(Subquery(count.values("count")), 0, output_field=IntegerField())


def meetings_of_room(user: Any, room: Room) -> QuerySet[Meeting]:
    return annotated(Meeting.objects.visible_to(user).filter(room=room))


def all_meetings(user: Any, *, kind: str = "", status: str = "") -> QuerySet[Meeting]:
    meetings = Meeting.objects.visible_to(user)
    if kind:
        meetings = meetings.filter(kind=kind)
    if status:
        meetings = meetings.filter(status=status)
    return annotated(meetings)


@dataclass(frozen=True)
class AttendeeRow:
    """One line of the attendee list: a name, or for those who may not see names
    a description with how many it stands for."""

    label: str
    detail: str
    present: bool | None
    count: int = 1
    pk: int | None = None


def attendee_rows(meeting: Meeting, user: Any) -> list[AttendeeRow]:
    attendees = meeting.attendees.select_related(
        "person", "contact__organisation", "user"
    )
    if user.has_perm("meetings.view_names", meeting):
        rows = [_named(attendee) for attendee in attendees]
        return sorted(rows, key=lambda row: (row.detail, row.label))
    return _anonymous(list(attendees), roles_of(user).organisations)


def _named(attendee: Attendee) -> AttendeeRow:
    if attendee.contact is not None:
        detail = attendee.contact.organisation.name
    elif attendee.user is not None:
        detail = _("Staff")
    else:
        detail = _("Resident or volunteer")
    return AttendeeRow(str(attendee), detail, attendee.present, pk=attendee.pk)


def _anonymous(attendees: list[Attendee], organisations: set[int]) -> list[AttendeeRow]:
    """Partner users see the contact persons of their own organisation by name,
    and of everyone else only how many came from where."""
    own = [
        AttendeeRow(a.contact.name, a.contact.organisation.name, a.present)
        for a in attendees
        if a.contact is not None and a.contact.organisation_id in organisations
    ]
    groups: Counter[str] = Counter()
    for attendee in attendees:
        if attendee.contact is None:
            groups[_("Staff") if attendee.user_id else _("Resident or volunteer")] += 1
        elif attendee.contact.organisation_id not in organisations:
            groups[attendee.contact.organisation.name] += 1
    others = [
        AttendeeRow("", label, None, count) for label, count in sorted(groups.items())
    ]
    return sorted(own, key=lambda row: row.label) + others


def possible_owners(meeting: Meeting) -> QuerySet[User]:
    """The users who can see the meeting and so may own one of its actions: the
    filter of `permissions.may_see`, turned around to ask for users."""
    grants = Q(role=Role.BOARD)
    if meeting.room_id is None:
        grants |= Q(role=Role.TREASURER) | Q(role__in=STAFF_ROLES)
    else:
        grants |= Q(room_id=meeting.room_id, role__in=STAFF_ROLES)
        if meeting.kind != MeetingKind.COACHING:
            grants |= Q(role=Role.TREASURER) | Q(
                room_id=meeting.room_id, role=Role.VOLUNTEER
            )
        if meeting.kind == MeetingKind.PARTNER:
            partners = Room.partners.through.objects.filter(room_id=meeting.room_id)
            grants |= Q(organisation__in=partners.values("organisation_id"))
    holders = Grant.objects.filter(grants).values("user_id")
    return User.objects.filter(is_active=True, pk__in=holders).order_by("name")
