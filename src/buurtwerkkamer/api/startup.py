"""The start-up track of a new room: talks, locations, the practical checklist and
the stages it passed."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.core.validators import normalise_postcode
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.startup import services
from buurtwerkkamer.startup.constants import LocationStatus
from buurtwerkkamer.startup.models import ChecklistItem, Location, StageChange, Talk

from .base import RoomRecordSerializer, RoomRecordViewSet, ScopedSlugField
from .schema import EnumChoiceField

VIEW_TRACK = "startup.view_track"
MANAGE_TRACK = "startup.manage_track"
TRACK_POLICY = {
    "retrieve": VIEW_TRACK,
    "create": MANAGE_TRACK,
    "update": MANAGE_TRACK,
    "partial_update": MANAGE_TRACK,
}


class TalkSerializer(RoomRecordSerializer[Talk]):
    """A talk with a potential partner or funder; a follow-up comes after it."""

    organisation = ScopedSlugField(
        slug_field="slug", queryset=Organisation.objects.all()
    )

    class Meta:
        model = Talk
        fields = ["uuid", "room", "organisation", "held_on", "summary", "follow_up_on"]


class LocationSerializer(RoomRecordSerializer[Location]):
    """A candidate location for the room; it needs a street and a postcode."""

    landlord = ScopedSlugField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
    )

    class Meta:
        model = Location
        fields = [
            "uuid",
            "room",
            "street",
            "house_number",
            "postcode",
            "city",
            "floor_area",
            "monthly_rent",
            "landlord",
            "status",
            "notes",
        ]

    def validate_postcode(self, value: str) -> str:
        return normalise_postcode(value) if value else value

    def validate_status(self, value: str) -> str:
        # A room has one chosen location; `choose` sets the one and unsets the other.
        already = self.instance is not None and self.instance.status == value
        if value == LocationStatus.CHOSEN and not already:
            raise serializers.ValidationError(
                _("Choose a location with its choose action.")
            )
        return value


class ChecklistItemSerializer(RoomRecordSerializer[ChecklistItem]):
    done_by = serializers.CharField(
        source="done_by.name", read_only=True, allow_null=True
    )

    class Meta:
        model = ChecklistItem
        fields = ["uuid", "room", "title", "position", "due_on", "done_on", "done_by"]
        # A new step goes after the others; it is done only through `tick`.
        read_only_fields = ["position", "done_on"]

    def create(self, validated_data: dict[str, Any]) -> ChecklistItem:
        return services.add_checklist_item(
            validated_data["room"],
            title=validated_data["title"],
            due_on=validated_data.get("due_on"),
        )


class TickSerializer(serializers.Serializer):
    done = serializers.BooleanField(help_text=_("Whether the step is done."))


class StageChangeSerializer(serializers.ModelSerializer[StageChange]):
    room: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    changed_by = serializers.CharField(source="changed_by.name", read_only=True)
    from_stage = EnumChoiceField(Stage, read_only=True)
    to_stage = EnumChoiceField(Stage, read_only=True)

    class Meta:
        model = StageChange
        fields = [
            "uuid",
            "room",
            "from_stage",
            "to_stage",
            "changed_by",
            "override_reason",
            "missing",
            "created_at",
        ]
        read_only_fields = fields


class TalkViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[Talk]
):
    queryset = Talk.objects.select_related("room", "organisation")
    serializer_class = TalkSerializer
    policy = TRACK_POLICY


class LocationViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[Location]
):
    queryset = Location.objects.select_related("room", "landlord")
    serializer_class = LocationSerializer
    policy = {**TRACK_POLICY, "choose": MANAGE_TRACK}

    @extend_schema(request=None, responses=LocationSerializer)
    @action(detail=True, methods=["post"])
    def choose(self, request: Request, uuid: str) -> Response:
        """Choose this location for its room; one chosen before goes back to visited."""
        location = services.choose_location(self.get_object())
        return Response(self.get_serializer(location).data)


class ChecklistItemViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[ChecklistItem]
):
    queryset = ChecklistItem.objects.select_related("room", "done_by")
    serializer_class = ChecklistItemSerializer
    policy = {**TRACK_POLICY, "tick": "startup.tick_checklist"}

    @extend_schema(request=TickSerializer, responses=ChecklistItemSerializer)
    @action(detail=True, methods=["post"])
    def tick(self, request: Request, uuid: str) -> Response:
        """Mark the step done (today, by the user) or open again."""
        item = self.get_object()
        form = TickSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        done = form.validated_data["done"]
        item = services.tick(item, request.user, done=done, today=timezone.localdate())
        return Response(self.get_serializer(item).data)


class StageChangeViewSet(RoomRecordViewSet[StageChange]):
    """The gates each room passed; written only by `rooms/{slug}/advance/`."""

    queryset = StageChange.objects.select_related("room", "changed_by")
    serializer_class = StageChangeSerializer
    policy = {"retrieve": VIEW_TRACK}
