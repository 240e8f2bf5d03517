"""What the finance resources share: months, named choice lists for the schema,
list filters, and creating a record under a room the way the pages do."""

from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers, status
from rest_framework.response import Response

from buurtwerkkamer.rooms.models import Room

from ..base import RoomRecordViewSet

M = TypeVar("M", bound=Model)

MONEY: dict[str, Any] = {"max_digits": 12, "decimal_places": 2}
UUID_OF: dict[str, Any] = {"slug_field": "uuid", "read_only": True}


class MonthField(serializers.DateField):
    """A month, as 2026-11 or as any day of it; kept as its first day."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m", "iso-8601"])
        kwargs.setdefault(
            "help_text", _("A month: 2026-11, or a day in it such as 2026-11-01.")
        )
        super().__init__(**kwargs)

    def to_internal_value(self, value: Any) -> date:
        return super().to_internal_value(value).replace(day=1)


class NamedChoiceField(serializers.ChoiceField):
    """A choice list that is no `Choices` class (the budget's categories), under
    its own name in the schema rather than one guessed from the field."""

    def __init__(self, name: str, choices: list[tuple[str, Any]], **kwargs: Any):
        self.enum_name = name
        super().__init__(choices=choices, **kwargs)


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField
    match_subclasses = True

    def get_name(self) -> str:
        return f"{self.target.enum_name}Enum"

    def map_serializer_field(self, auto_schema: AutoSchema, direction: str) -> dict:
        choices = list(self.target.choices.items())
        lines = [f"* `{value}` - {label}" for value, label in choices]
        return {
            "type": "string",
            "enum": [value for value, _label in choices],
            "description": "\n".join(lines),
        }


def read_filters(
    form_class: type[serializers.Serializer], params: Mapping[str, Any]
) -> dict[str, Any]:
    """The list filters of the query string, checked: a bad one is a 400."""
    form = form_class(
        data={k: v for k, v in params.items() if k in form_class._declared_fields}
    )
    form.is_valid(raise_exception=True)
    return {k: v for k, v in form.validated_data.items() if v not in (None, "")}


class FinanceViewSet(RoomRecordViewSet[M]):
    """Finance records of one room. A new record names its room by slug; a room
    the user may not see answers 404, as the room's pages do, and a room where
    the user lacks the right answers 403."""

    def requested_parent(self) -> Room | None:
        data = self.request.data
        slug = data.get("room") if isinstance(data, Mapping) else None
        if not slug:
            return None  # the input serializer answers 400 for it
        rooms = Room.objects.visible_to(self.request.user)
        return get_object_or_404(rooms, slug=str(slug))

    def check_parent(self) -> None:
        """For an action that is not `create`: the room the request names is
        asked for the permission before the rest of the request is read, as
        `PolicyPermission` does for `create`."""
        room = self.requested_parent()
        if room is not None:
            self.check_object_permissions(self.request, room)

    def checked_input(
        self, form_class: type[serializers.Serializer], parent: str = "room"
    ) -> dict[str, Any]:
        """The request's data through `form_class`, then the permission asked
        against the record it names as `parent`."""
        form = form_class(data=self.request.data, context=self.get_serializer_context())
        form.is_valid(raise_exception=True)
        self.check_object_permissions(self.request, form.validated_data[parent])
        return dict(form.validated_data)

    def answer(self, record: M, code: int = status.HTTP_201_CREATED) -> Response:
        """The record as a list shows it, read again with what the list loads."""
        fresh = self.get_queryset().get(pk=record.pk)
        return Response(self.get_serializer(fresh).data, status=code)


def by_month(queryset: QuerySet[M], field: str, month: date) -> QuerySet[M]:
    return queryset.filter(
        **{f"{field}__year": month.year, f"{field}__month": month.month}
    )
