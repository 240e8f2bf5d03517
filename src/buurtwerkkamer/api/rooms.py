"""Rooms, and the step of a room to its next start-up stage."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.core.validators import normalise_postcode
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.services import create_room
from buurtwerkkamer.startup import services as startup

from .base import SLUG_PATTERN, CleanModelSerializer, GuardedFieldsMixin, PolicyViewSet
from .schema import EnumChoiceField
from .startup import StageChangeSerializer

# Where the petty cash goes: for those who manage the room or its money only.
BANK_READERS = ("rooms.change_bank_account", "rooms.change_room")


class RoomSerializer(GuardedFieldsMixin, CleanModelSerializer[Room]):
    """A room; its bank account only for those who manage the room or its money."""

    partners: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    stage = EnumChoiceField(Stage, read_only=True)
    next_stage = EnumChoiceField(Stage, read_only=True, allow_null=True)

    class Meta:
        model = Room
        fields = [
            "slug",
            "uuid",
            "name",
            "neighbourhood",
            "municipality",
            "street",
            "house_number",
            "postcode",
            "city",
            "stage",
            "stage_since",
            "next_stage",
            "bank_iban",
            "bank_holder",
            "partners",
            "created_at",
            "updated_at",
        ]
        # The stage moves only through the gates of `advance`. Bank details change
        # only on the pages, where the password is asked again.
        read_only_fields = ["stage_since", "bank_iban", "bank_holder"]

    guarded_fields = {"bank_iban": BANK_READERS, "bank_holder": BANK_READERS}

    def create(self, validated_data: dict[str, Any]) -> Room:
        return create_room(Room(**validated_data))

    def validate_postcode(self, value: str) -> str:
        return normalise_postcode(value) if value else value


class AdvanceSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Why the board passes this gate without its evidence."),
    )


class RoomViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    PolicyViewSet[Room],
):
    queryset = Room.objects.prefetch_related("partners")
    serializer_class = RoomSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    policy = {
        "list": "rooms.list_rooms",
        "retrieve": "rooms.view_room",
        "create": "rooms.add_room",
        "update": "rooms.change_room",
        "partial_update": "rooms.change_room",
        "advance": "startup.advance_stage",
    }

    @extend_schema(request=AdvanceSerializer, responses={201: StageChangeSerializer})
    @action(detail=True, methods=["post"])
    def advance(self, request: Request, slug: str) -> Response:
        """Move the room to its next start-up stage. Without the evidence for it, only
        the board may, and only with a reason."""
        room = self.get_object()
        form = AdvanceSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        change = startup.advance(
            room, request.user, reason=form.validated_data["reason"]
        )
        output = StageChangeSerializer(change, context=self.get_serializer_context())
        return Response(output.data, status=status.HTTP_201_CREATED)
