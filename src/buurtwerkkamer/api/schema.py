"""Help for the OpenAPI schema where drf-spectacular cannot guess on its own."""

from typing import Any

from django.db.models import Choices
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class EnumChoiceField(serializers.ChoiceField):
    """A choice field that knows its choices class, so the schema names its enum
    after the class wherever it appears (a room's stage, a stage change's from and
    to) instead of once per field name."""

    def __init__(self, enum: type[Choices], **kwargs: Any) -> None:
        self.enum = enum
        super().__init__(choices=enum.choices, **kwargs)


class EnumChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = EnumChoiceField
    match_subclasses = True

    def get_name(self) -> str:
        return f"{self.target.enum.__name__}Enum"

    def map_serializer_field(self, auto_schema: AutoSchema, direction: str) -> dict:
        enum = self.target.enum
        lines = [f"* `{value}` - {label}" for value, label in enum.choices]
        return {"type": "string", "enum": enum.values, "description": "\n".join(lines)}
