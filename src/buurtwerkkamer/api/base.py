"""What every resource of the API shares: scoped querysets, the policy check, and
saving through the model's own rules."""

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar, cast

from auditlog.context import auditlog_value
from django.db import transaction
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle

from buurtwerkkamer.access.policy import room_id_of
from buurtwerkkamer.core.querysets import ScopedQuerySet
from buurtwerkkamer.rooms.models import Room

from .exceptions import exception_handler
from .permissions import PolicyPermission, rooms_where
from .two_factor import SecondFactorPermission

UUID_PATTERN = (
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
SLUG_PATTERN = "[-a-zA-Z0-9_]+"

M = TypeVar("M", bound=Model)

ROOM_FILTER = OpenApiParameter(
    "room", str, description=_("Only the records of the room with this slug.")
)


class ScopedSlugField(serializers.SlugRelatedField):
    """A related record named by its slug or UUID and chosen from what the requesting
    user may see, so a request cannot point at a record outside its scope."""

    def get_queryset(self) -> QuerySet:
        request = self.context.get("request")
        queryset = cast(ScopedQuerySet, super().get_queryset())
        return queryset.visible_to(getattr(request, "user", None))


class CleanModelSerializer(serializers.ModelSerializer[M]):
    """Saves through the model's `full_clean`, so the API keeps the rules the pages
    keep; a record that breaks one is refused and nothing is written."""

    def create(self, validated_data: dict[str, Any]) -> M:
        relations = self._pop_many(validated_data)
        return self.persist(self.model()(**validated_data), relations)

    def update(self, instance: M, validated_data: dict[str, Any]) -> M:
        relations = self._pop_many(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self.persist(instance, relations)

    @transaction.atomic
    def persist(self, instance: M, relations: dict[str, list[Model]]) -> M:
        self.save_record(instance)
        for name, values in relations.items():
            getattr(instance, name).set(values)
        return instance

    def save_record(self, instance: M) -> None:
        instance.full_clean()
        instance.save()

    def _pop_many(self, data: dict[str, Any]) -> dict[str, list[Model]]:
        many = {field.name for field in self.model()._meta.many_to_many}
        return {name: data.pop(name) for name in list(data) if name in many}

    def model(self) -> type[M]:
        return cast(type[M], self.Meta.model)


class GuardedFieldsMixin(serializers.Serializer):
    """Leaves out of the answer the fields the user may not read on this record.

    `guarded_fields` maps a field to the permissions of which the user must hold
    one on the record; the schema marks these fields optional.
    """

    guarded_fields: ClassVar[dict[str, tuple[str, ...]]] = {}

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        for name, permissions in self.guarded_fields.items():
            if user is None or not any(user.has_perm(p, instance) for p in permissions):
                data.pop(name, None)
        return data


class RoomRecordSerializer(CleanModelSerializer[M]):
    """A record that belongs to one room, named by the room's slug."""

    room = ScopedSlugField(slug_field="slug", queryset=Room.objects.all())

    def validate_room(self, room: Room) -> Room:
        # The add permission was checked against the room the record was made in;
        # moving it would slip past that check.
        if self.instance is not None and room.pk != room_id_of(self.instance):
            raise serializers.ValidationError(
                _("A record cannot move to another room.")
            )
        return room


def name_actor(user: Any) -> Any:
    """Name the token's user in the audit context of this request.

    auditlog's middleware runs before DRF reads the token, so it names no one;
    without this, changes made and case files read through the API would be
    logged without their actor. The middleware's receiver stays the one that
    fills the log entries (same `signal_duid`), so its clean-up still holds.
    """
    try:
        context = auditlog_value.get()
    except LookupError:
        return None
    if not getattr(user, "is_authenticated", False):
        return None
    return auditlog_value.set({**context, "actor": user})


class PolicyViewSet(viewsets.GenericViewSet[M]):
    """A resource guarded by the one policy.

    `policy` maps each action to the permission that answers for it (see
    `PolicyPermission`). `parent_field` names the field whose record a new record
    is created under; the create permission is asked against that record.
    """

    # The second factor first: a login that skipped it learns nothing of the policy.
    permission_classes = [SecondFactorPermission, PolicyPermission]
    throttle_classes = [UserRateThrottle]
    # Business records are never deleted; financial and legal ones must stay.
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_field = "uuid"
    lookup_value_regex = UUID_PATTERN
    policy: ClassVar[dict[str, str]] = {}
    parent_field: ClassVar[str | None] = None

    def get_exception_handler(self) -> Callable[..., Response | None]:
        return exception_handler

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self._audit_context = name_actor(request.user)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        token = getattr(self, "_audit_context", None)
        if token is not None:
            auditlog_value.reset(token)
            self._audit_context = None
        return super().finalize_response(request, response, *args, **kwargs)

    def get_queryset(self) -> QuerySet[M]:
        queryset = super().get_queryset()
        if getattr(self, "swagger_fake_view", False):
            return queryset.none()
        queryset = self.scope(queryset)
        if self.action == "list":
            queryset = self.narrow(self.filter_list(queryset))
        return queryset

    def scope(self, queryset: QuerySet[M]) -> QuerySet[M]:
        return cast(ScopedQuerySet, queryset).visible_to(self.request.user)

    def filter_list(self, queryset: QuerySet[M]) -> QuerySet[M]:
        return queryset

    def narrow(self, queryset: QuerySet[M]) -> QuerySet[M]:
        return queryset

    def get_visible_object(self) -> M:
        """The record the URL names, from what the user may see: 404 outside it."""
        lookup = {self.lookup_field: self.kwargs[self.lookup_field]}
        return get_object_or_404(self.get_queryset(), **lookup)

    def get_object(self) -> M:
        obj = self.get_visible_object()
        self.check_object_permissions(self.request, obj)
        return obj

    def requested_parent(self) -> Model | None:
        """The record the request wants to create a record under, if it names one
        the user may see."""
        name, data = self.parent_field or "", self.request.data
        value = data.get(name) if isinstance(data, Mapping) else None
        field = cast(serializers.Serializer, self.get_serializer()).fields[name]
        try:
            return field.run_validation(value)
        except serializers.ValidationError:
            return None

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        if self.parent_field:
            parent = serializer.validated_data[self.parent_field]
            self.check_object_permissions(self.request, parent)
        serializer.save()


class RoomRecordViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, PolicyViewSet[M]
):
    """Records that belong to one room, filterable by `?room=<slug>`."""

    parent_field = "room"

    @extend_schema(parameters=[ROOM_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[M]) -> QuerySet[M]:
        slug = self.request.query_params.get("room")
        return queryset.filter(room__slug=slug) if slug else queryset

    def narrow(self, queryset: QuerySet[M]) -> QuerySet[M]:
        allowed = rooms_where(self.request.user, self.policy["retrieve"])
        return queryset.filter(room__in=allowed)
