"""Operations on people and the register of members, each in one transaction."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from buurtwerkkamer.rooms.models import Room

from .models import Membership, Person


@transaction.atomic
def save_person(person: Person, rooms: list[Room], editor: Any) -> Person:
    """Save a person with the rooms the editor chose among those they see. Rooms the
    editor cannot see stay as they were, so nobody unlinks what they cannot see; room
    staff must name one of their rooms, or they would lose sight of the person."""
    visible = Room.objects.visible_to(editor)
    if not rooms and not editor.has_perm("people.view_register"):
        raise ValidationError({"rooms": _("Choose at least one of your rooms.")})
    person.full_clean()
    person.save()
    hidden = person.rooms.exclude(pk__in=visible.values("pk"))
    person.rooms.set([*hidden, *rooms])
    return person


@transaction.atomic
def register_member(person: Person, *, kind: str, joined_on: date) -> Membership:
    """Enter a member with the next free number; the register's table is locked
    for the moment so two entries at once do not get the same number."""
    list(Membership.objects.select_for_update().values_list("pk", flat=True))
    last = Membership.objects.aggregate(last=Max("number"))["last"] or 0
    membership = Membership(
        person=person, kind=kind, joined_on=joined_on, number=last + 1
    )
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def update_membership(membership: Membership, **changes: Any) -> Membership:
    """Change a line of the register, such as the date a member left; the number
    stays, since members are known by it."""
    for field, value in changes.items():
        setattr(membership, field, value)
    membership.full_clean()
    membership.save()
    return membership
