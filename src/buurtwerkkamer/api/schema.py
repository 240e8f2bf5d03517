"""Help for the OpenAPI schema where drf-spectacular cannot guess on its own."""

from typing import Any

from django.db.models import Choices
from drf_spectacular.extensions import (
    OpenApiSerializerExtension,
    OpenApiSerializerFieldExtension,
)
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


class GuardedFieldsExtension(OpenApiSerializerExtension):
    """Fields a serializer leaves out for users without the right on the record
    (see `GuardedFieldsMixin`) are described as optional, not required."""

    target_class = "buurtwerkkamer.api.base.GuardedFieldsMixin"
    match_subclasses = True

    def map_serializer(self, auto_schema: AutoSchema, direction: str) -> dict:
        schema = auto_schema._map_serializer(
            self.target, direction, bypass_extensions=True
        )
        guarded = set(self.target.guarded_fields)
        required = [name for name in schema.get("required", []) if name not in guarded]
        if required:
            schema["required"] = required
        else:
            schema.pop("required", None)
        return schema


ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "The messages per field; `non_field_errors` for the whole record.",
    "additionalProperties": {},
}
ERRORS = {
    "400": ("The input breaks a rule; nothing was changed.", FIELD_ERRORS),
    "401": ("No valid token.", ERROR),
    "403": ("No right to this, or the second factor is missing.", ERROR),
    "404": ("No such record for this user, or no such page.", ERROR),
    "429": ("Too many requests; try again later.", ERROR),
}


class ApiAutoSchema(AutoSchema):
    """Documents the error answers next to the success each view describes, so a
    client (and the fuzz test) knows every status an operation can give."""

    def _get_response_bodies(self, direction: str = "response") -> dict:
        responses = super()._get_response_bodies(direction)  # type: ignore[arg-type]
        codes = ["401", "403", "429"]
        # A list refuses a filter it cannot read, as a form refuses a field.
        if self.method in ("POST", "PUT", "PATCH") or self._is_list_view():
            codes.append("400")
        # Also a write: the room or record its body names may be out of sight.
        codes.append("404")
        for code in sorted(codes):
            description, schema = ERRORS[code]
            responses.setdefault(
                code,
                {
                    "content": {"application/json": {"schema": schema}},
                    "description": description,
                },
            )
        return responses
