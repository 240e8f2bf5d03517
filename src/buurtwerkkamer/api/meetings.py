"""Meetings with their decisions and action items. Planning, rescheduling, the
minutes and action items go through the meetings services, which hold the rules;
what a user reads follows the pages' scope (coaching sessions for coach,
coordinator and board; partner meetings for the partners of the room)."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.meetings import services
from buurtwerkkamer.meetings.models import ActionItem, Attendee, Decision, Meeting
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


class RescheduleSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True, required=False)
    place = serializers.CharField(max_length=200, allow_blank=True, required=False)


@extend_schema_field(OpenApiTypes.UUID)
class AttendeeField(serializers.SlugRelatedField):
    """An attendee of the meeting in the serializer's context, by UUID."""

    def get_queryset(self) -> QuerySet[Attendee]:
        return self.context["meeting"].attendees.all()


class MinutesSerializer(serializers.Serializer):
    minutes = serializers.CharField(allow_blank=True)
    present = serializers.ListField(
        child=AttendeeField(slug_field="uuid"),
        required=False,
        help_text=_("The UUIDs of the attendees who were present."),
    )
    decisions = serializers.ListField(
        child=serializers.CharField(), required=False, help_text=_("One per item.")
    )


class ActionItemInputSerializer(serializers.Serializer):
    what = serializers.CharField(max_length=300)
    owner = serializers.SlugRelatedField(
        slug_field="email",
        queryset=User.objects.filter(is_active=True),
        help_text=_("The e-mail address of a user who can see the meeting."),
    )
    due_on = serializers.DateField()


class ActionDoneSerializer(serializers.Serializer):
    action_item = serializers.UUIDField(help_text=_("The UUID of the action item."))
    done_on = serializers.DateField()


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
    policy = {
        "retrieve": "meetings.view_meeting",
        "create": "meetings.add_meeting",
        "reschedule": "meetings.change_meeting",
        "minutes": "meetings.change_meeting",
        "add_action_item": "meetings.change_meeting",
        "close_action_item": "meetings.close_action",
    }
    parent_field = "room"

    @extend_schema(parameters=[ROOM_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
        slug = self.request.query_params.get("room")
        return queryset.filter(room__slug=slug) if slug else queryset

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        serializer.save()

    @extend_schema(request=RescheduleSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["post"])
    def reschedule(self, request: Request, uuid: str) -> Response:
        """A new title, time or place for a meeting that has not been held yet."""
        meeting = self.get_object()
        form = RescheduleSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.reschedule_meeting(meeting, request.user, **form.validated_data)
        return self.fresh(meeting, status.HTTP_200_OK)

    @extend_schema(request=MinutesSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["post"])
    def minutes(self, request: Request, uuid: str) -> Response:
        """Record the minutes, who was present and the decisions, once the meeting
        has started; the meeting is held from then on. Decisions add up."""
        meeting = self.get_object()
        form = MinutesSerializer(data=request.data, context={"meeting": meeting})
        form.is_valid(raise_exception=True)
        services.record_minutes(
            meeting, request.user, **form.validated_data, now=timezone.now()
        )
        return self.fresh(meeting, status.HTTP_200_OK)

    @extend_schema(
        request=ActionItemInputSerializer, responses={201: MeetingSerializer}
    )
    @action(detail=True, methods=["post"], url_path="action-items")
    def add_action_item(self, request: Request, uuid: str) -> Response:
        """Add an action item for a user who can see the meeting; it stands among
        the owner's deadlines until it is done."""
        meeting = self.get_object()
        form = ActionItemInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.add_action_item(meeting, request.user, **form.validated_data)
        return self.fresh(meeting, status.HTTP_201_CREATED)

    @extend_schema(request=ActionDoneSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["post"], url_path="action-items/done")
    def close_action_item(self, request: Request, uuid: str) -> Response:
        """Record that an action item was done, on a day up to today: by its
        owner, or by whoever runs the meeting."""
        meeting = self.get_visible_object()
        form = ActionDoneSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        item = get_object_or_404(meeting.action_items.all(), uuid=data["action_item"])
        # Asked of the action item: its owner may close it without running the
        # meeting.
        self.check_object_permissions(request, item)
        services.complete_action_item(
            item, request.user, done_on=data["done_on"], today=timezone.localdate()
        )
        return self.fresh(meeting, status.HTTP_200_OK)

    def fresh(self, meeting: Meeting, code: int) -> Response:
        record = self.get_queryset().get(pk=meeting.pk)
        return Response(self.get_serializer(record).data, status=code)
