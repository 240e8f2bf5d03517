"""A room's activities and their sessions. Sessions are recorded through the
activities service, which refuses what the pages refuse; who was there by name is
shown only to those who may see it."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.activities import services
from buurtwerkkamer.activities.constants import MAX_HOURS, MAX_VISITORS, ActivityKind
from buurtwerkkamer.activities.models import Activity, Session, SessionVolunteer
from buurtwerkkamer.people.models import Person

from .base import GuardedFieldsMixin, RoomRecordViewSet, ScopedSlugField
from .schema import EnumChoiceField

VIEW = "activities.view_activity"
PEOPLE = ("activities.view_people",)
ROOM: dict[str, Any] = {"slug_field": "slug", "read_only": True}
UUID: dict[str, Any] = {"slug_field": "uuid", "read_only": True}


class ActivitySerializer(GuardedFieldsMixin, serializers.ModelSerializer[Activity]):
    room: serializers.RelatedField = serializers.SlugRelatedField(**ROOM)
    kind = EnumChoiceField(ActivityKind, read_only=True)
    leader: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID, allow_null=True
    )

    class Meta:
        model = Activity
        fields = [
            "uuid",
            "room",
            "name",
            "kind",
            "description",
            "schedule",
            "leader",
            "active_from",
            "active_until",
            "needs_participants",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    guarded_fields = {"leader": PEOPLE}


class PresentSerializer(serializers.ModelSerializer[SessionVolunteer]):
    person: serializers.RelatedField = serializers.SlugRelatedField(**UUID)

    class Meta:
        model = SessionVolunteer
        fields = ["person", "hours"]
        read_only_fields = fields


class SessionSerializer(GuardedFieldsMixin, serializers.ModelSerializer[Session]):
    room: serializers.RelatedField = serializers.SlugRelatedField(**ROOM)
    activity: serializers.RelatedField = serializers.SlugRelatedField(**UUID)
    volunteer_count = serializers.SerializerMethodField()
    volunteer_hours = serializers.DecimalField(
        source="hours", max_digits=8, decimal_places=2, read_only=True
    )
    volunteers = PresentSerializer(
        many=True,
        read_only=True,
        help_text=_("Who helped and their hours; for the room's staff only."),
    )
    participants = serializers.SerializerMethodField(
        help_text=_("The named participants of a course; for the room's staff only.")
    )

    class Meta:
        model = Session
        fields = [
            "uuid",
            "activity",
            "room",
            "held_on",
            "starts_at",
            "visitors",
            "volunteer_count",
            "volunteer_hours",
            "volunteers",
            "participants",
            "notes",
            "created_at",
        ]
        read_only_fields = fields

    guarded_fields = {"volunteers": PEOPLE, "participants": PEOPLE}

    def get_volunteer_count(self, session: Session) -> int:
        return len(session.volunteers.all())

    def get_participants(self, session: Session) -> list[str]:
        return [str(row.person.uuid) for row in session.participants.all()]


class PresentInput(serializers.Serializer):
    person = serializers.UUIDField()
    hours = serializers.DecimalField(max_digits=4, decimal_places=2)


class SessionInput(serializers.Serializer):
    activity = ScopedSlugField(slug_field="uuid", queryset=Activity.objects.all())
    held_on = serializers.DateField()
    starts_at = serializers.TimeField(required=False, allow_null=True, default=None)
    visitors = serializers.IntegerField(
        help_text=_("At least 0 and at most %(most)s.") % {"most": MAX_VISITORS}
    )
    volunteers = PresentInput(
        many=True,
        required=False,
        default=list,
        help_text=_("More than 0 and at most %(most)s hours each.")
        % {"most": MAX_HOURS},
    )
    participants = serializers.ListField(
        child=serializers.UUIDField(), required=False, default=list
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        """People are named by UUID and looked up among the activity's room, so
        a volunteer who cannot read the register can still say who helped."""
        room = data["activity"].room
        wanted = [row["person"] for row in data["volunteers"]] + data["participants"]
        people = {
            person.uuid: person
            for person in Person.objects.filter(uuid__in=wanted, rooms=room)
        }
        if set(wanted) - set(people):
            raise serializers.ValidationError(
                _("Everyone named must be one of the room's people.")
            )
        if len({row["person"] for row in data["volunteers"]}) != len(
            data["volunteers"]
        ):
            raise serializers.ValidationError(_("A volunteer is named twice."))
        data["volunteers"] = {
            people[row["person"]]: row["hours"] for row in data["volunteers"]
        }
        data["participants"] = [people[uuid] for uuid in data["participants"]]
        return data


class ActivityViewSet(RoomRecordViewSet[Activity]):
    queryset = Activity.objects.select_related("room", "leader").order_by(
        "room__name", "name"
    )
    serializer_class = ActivitySerializer
    policy = {"retrieve": VIEW}


class SessionViewSet(mixins.CreateModelMixin, RoomRecordViewSet[Session]):
    queryset = (
        Session.objects.select_related("room", "activity")
        .prefetch_related(
            Prefetch("volunteers", SessionVolunteer.objects.select_related("person")),
            "participants__person",
        )
        .order_by("-held_on", "-starts_at", "pk")
    )
    serializer_class = SessionSerializer
    parent_field = "activity"
    policy = {"retrieve": VIEW, "create": "activities.record_session"}

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        # The create permission is asked of the activity the request names.
        if self.action in ("create", "metadata"):
            return SessionInput
        return SessionSerializer

    def filter_list(self, queryset: QuerySet[Session]) -> QuerySet[Session]:
        queryset = super().filter_list(queryset)
        activity = self.request.query_params.get("activity")
        return queryset.filter(activity__uuid=activity) if activity else queryset

    @extend_schema(request=SessionInput, responses={201: SessionSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Record a session held: the visitors counted, the volunteers present with
        their hours and, for a course, its participants. Refused: a date in the
        future or outside the activity's period, visitors below 0 or above the
        maximum, hours outside (0, 24], people of another room, participants on an
        activity that counts visitors, and a session recorded before."""
        form = SessionInput(data=request.data, context=self.get_serializer_context())
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        activity = data.pop("activity")
        self.check_object_permissions(request, activity)
        session = services.record_session(
            activity, request.user, **data, today=timezone.localdate()
        )
        fresh = self.get_queryset().get(pk=session.pk)
        return Response(
            SessionSerializer(fresh, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )
