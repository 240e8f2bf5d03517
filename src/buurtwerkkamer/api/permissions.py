"""The API's one permission class, which asks the policy in `access` by name.

Each viewset declares in `policy` which permission answers for which of its actions.
Scopes decide what a user sees at all (outsiders get 404); the permission named here
decides what a user may do with what they see (members without the right get 403).
"""

from typing import Any, cast

from django.db.models import Model, QuerySet
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.rooms.models import Room

# DRF's OPTIONS answer describes the methods a user may use; it asks this class
# again for each of them under the action "metadata".
DESCRIBED_ACTIONS = {"POST": "create", "PUT": "update"}


class PolicyPermission(BasePermission):
    """Closed by default: an action the viewset does not name in `policy` is refused.

    "list" may be left out of `policy`, because the scope of the queryset already
    limits a list to what the user may see. Creating a record that belongs to a room
    or an organisation is checked against the parent the request names.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        action = action_of(request, view)
        # No action: the viewset has none for this method and DRF answers 405.
        if action is None or action == "metadata":
            return True
        if action == "list":
            return "list" not in view.policy or user.has_perm(view.policy["list"])
        if action not in view.policy:
            return False
        if action == "create":
            return self.may_create(user, view)
        return True

    def may_create(self, user: Any, view: Any) -> bool:
        """Asked before the rest of the request is validated, so a member without
        the right hears 403 rather than what else is wrong with the request."""
        name = view.policy["create"]
        if not view.parent_field:
            return user.has_perm(name)
        parent = view.requested_parent()
        # No parent the user may see: the serializer answers 400 for it.
        return parent is None or user.has_perm(name, parent)

    def has_object_permission(self, request: Request, view: Any, obj: Model) -> bool:
        name = view.policy.get(action_of(request, view))
        return name is not None and request.user.has_perm(name, obj)


def action_of(request: Request, view: Any) -> str | None:
    if view.action == "metadata" and request.method != "OPTIONS":
        return DESCRIBED_ACTIONS.get(request.method or "")
    return view.action


def rooms_where(user: Any, permission: str) -> list[int]:
    """The rooms in which the user holds `permission`.

    A scope can be wider than a permission: a partner sees a room but not its funding
    applications or its start-up track. Lists are cut down to these rooms so that a
    list never shows what the detail would refuse.
    """
    return records_where(user, Room.objects.all(), permission)


def records_where(user: Any, queryset: QuerySet, permission: str) -> list[int]:
    """The records of `queryset` in the user's scope on which they hold
    `permission`: one query, then the policy asked per record from the user's
    cached roles."""
    visible = cast(ScopedQuerySet, queryset).visible_to(user).only("pk")
    return [record.pk for record in visible if user.has_perm(permission, record)]
