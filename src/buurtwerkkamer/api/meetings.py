"""Meetings with their decisions and action items. Planning goes through the
meetings services, which hold the rules; what a user reads follows the pages'
scope (coaching sessions for coach, coordinator and board; partner meetings for
the partners of the room)."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.meetings import services
from buurtwerkkamer.meetings.models import ActionItem, Decision, Meeting
from buurtwerkkamer.rooms.models import Room

from .base import ROOM_FILTER, PolicyViewSet, ScopedSlugField

ACTIONS = Prefetch("action_items", ActionItem.objects.select_related("owner"))


class DecisionSerializer(serializers.ModelSerializer[Decision]):
    class Meta:
        model = Decision
        fields = ["uuid", "text", "created_at"]
        read_only_fields = fields


class ActionItemSerializer(serializers.ModelSerializer[ActionItem]):
    owner = serializers.SerializerMethodField(
        help_text=_("The owner's name; left out for who may not see names.")
    )

    class Meta:
        model = ActionItem
        fields = ["uuid", "what", "owner", "due_on", "done_on"]
        read_only_fields = fields

    def get_owner(self, item: ActionItem) -> str | None:
        user = self.context["request"].user
        if item.owner_id == user.pk or user.has_perm(
            "meetings.view_names", item.meeting
        ):
            return str(item.owner)
        return None


class MeetingSerializer(serializers.ModelSerializer[Meeting]):
    room = ScopedSlugField(
        slug_field="slug",
        queryset=Room.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("The room's slug; none for a work meeting of the cooperative."),
    )
    decisions = DecisionSerializer(many=True, read_only=True)
    action_items = ActionItemSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "uuid",
            "room",
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "agenda",
            "minutes",
            "status",
            "decisions",
            "action_items",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["minutes", "status"]

    def create(self, validated_data: dict[str, Any]) -> Meeting:
        user = self.context["request"].user
        data = {"room": None, **validated_data}
        return services.plan_meeting(user, **data)


class MeetingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    PolicyViewSet[Meeting],
):
    """Planning checks its permission in the service: a meeting of a room the
    user does not run, or of the cooperative, is refused there with 403."""

    queryset = Meeting.objects.select_related("room").prefetch_related(
        "decisions", ACTIONS
    )
    serializer_class = MeetingSerializer
    policy = {"retrieve": "meetings.view_meeting", "create": "meetings.add_meeting"}
    parent_field = "room"

    @extend_schema(parameters=[ROOM_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
        slug = self.request.query_params.get("room")
        return queryset.filter(room__slug=slug) if slug else queryset

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        serializer.save()
