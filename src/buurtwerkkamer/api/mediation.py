"""Mediation cases with their sessions and outcome, and temporary exclusions.
All are case files: only the room's coordinator and coach and the board see
them, and each record read is logged. Every change goes through the mediation
services, which hold the rules."""

from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.access.case_files import record_read
from buurtwerkkamer.mediation import services
from buurtwerkkamer.mediation.constants import Outcome
from buurtwerkkamer.mediation.models import Exclusion, MediationCase, MediationSession
from buurtwerkkamer.people.models import Person

from .base import RoomRecordSerializer, RoomRecordViewSet, ScopedSlugField

SESSIONS = Prefetch("sessions", MediationSession.objects.prefetch_related("present"))


def today() -> Any:
    return timezone.localdate()


def people_field(**extra: Any) -> ScopedSlugField:
    return ScopedSlugField(slug_field="uuid", queryset=Person.objects.all(), **extra)


class MediationSessionSerializer(serializers.ModelSerializer[MediationSession]):
    present: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", many=True, read_only=True
    )

    class Meta:
        model = MediationSession
        fields = ["held_on", "present", "others_present", "agreed"]


class CaseSerializer(RoomRecordSerializer[MediationCase]):
    outcome = serializers.ChoiceField(
        choices=Outcome.choices, allow_blank=True, read_only=True
    )
    parties = people_field(many=True, help_text=_("UUIDs of people of the room."))
    sessions = MediationSessionSerializer(many=True, read_only=True)

    class Meta:
        model = MediationCase
        fields = [
            "uuid",
            "room",
            "title",
            "parties",
            "opened_on",
            "what_happened",
            "sessions",
            "outcome",
            "outcome_notes",
            "closed_on",
        ]
        read_only_fields = ["outcome", "outcome_notes", "closed_on"]

    def persist(self, instance: MediationCase, relations: dict) -> MediationCase:
        if instance.pk is None:
            instance.opened_by = self.context["request"].user
        parties = relations.get("parties", None)
        if parties is None:
            parties = list(instance.parties.all())
        return services.save_case(instance, parties, today=today())


class MediationSessionInputSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    present = people_field(many=True, required=False)
    others_present = serializers.CharField(required=False, allow_blank=True)
    agreed = serializers.CharField()


class CloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    outcome_notes = serializers.CharField(required=False, allow_blank=True)
    closed_on = serializers.DateField()


class ExclusionSerializer(RoomRecordSerializer[Exclusion]):
    person = people_field()
    case = ScopedSlugField(
        slug_field="uuid",
        queryset=MediationCase.objects.all(),
        allow_null=True,
        required=False,
    )
    decided_by = serializers.CharField(source="decided_by.name", read_only=True)

    class Meta:
        model = Exclusion
        fields = [
            "uuid",
            "room",
            "person",
            "starts_on",
            "ends_on",
            "reason",
            "case",
            "decided_by",
        ]

    def save_record(self, instance: Exclusion) -> None:
        instance.decided_by = self.context["request"].user
        services.decide_exclusion(instance, today=today())


class EndEarlySerializer(serializers.Serializer):
    ends_on = serializers.DateField()


class CaseFileMixin:
    """Each case file read through the API is logged, as on the pages."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        record = self.get_object()  # type: ignore[attr-defined]
        record_read(record)
        return Response(self.get_serializer(record).data)  # type: ignore[attr-defined]


class MediationCaseViewSet(
    CaseFileMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    RoomRecordViewSet[MediationCase],
):
    queryset = MediationCase.objects.select_related("room").prefetch_related(
        "parties", SESSIONS
    )
    serializer_class = CaseSerializer
    policy = {
        "retrieve": "mediation.view_case",
        "create": "mediation.change_case",
        "update": "mediation.change_case",
        "partial_update": "mediation.change_case",
        "add_session": "mediation.change_case",
        "close": "mediation.change_case",
    }

    @extend_schema(
        request=MediationSessionInputSerializer, responses={201: CaseSerializer}
    )
    @action(detail=True, methods=["post"], url_path="sessions")
    def add_session(self, request: Request, uuid: str) -> Response:
        """Record a mediation session of the open case."""
        case = self.get_object()
        form = MediationSessionInputSerializer(
            data=request.data, context={"request": request}
        )
        form.is_valid(raise_exception=True)
        data = {"present": [], "others_present": "", **form.validated_data}
        services.record_session(case, **data, user=request.user, today=today())
        return self.fresh(case, status.HTTP_201_CREATED)

    @extend_schema(request=CloseSerializer, responses=CaseSerializer)
    @action(detail=True, methods=["post"], url_path="close")
    def close(self, request: Request, uuid: str) -> Response:
        """Close the case with its outcome; a temporary exclusion is decided
        from the case first."""
        case = self.get_object()
        form = CloseSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = {"outcome_notes": "", **form.validated_data}
        services.close_case(case, **data, today=today())
        return self.fresh(case, status.HTTP_200_OK)

    def fresh(self, case: MediationCase, code: int) -> Response:
        record = self.get_queryset().get(pk=case.pk)
        return Response(self.get_serializer(record).data, status=code)


class ExclusionViewSet(
    CaseFileMixin, mixins.CreateModelMixin, RoomRecordViewSet[Exclusion]
):
    queryset = Exclusion.objects.select_related("room", "person", "case", "decided_by")
    serializer_class = ExclusionSerializer
    policy = {
        "retrieve": "mediation.view_exclusion",
        "create": "mediation.change_exclusion",
        "end_early": "mediation.change_exclusion",
    }

    @extend_schema(request=EndEarlySerializer, responses=ExclusionSerializer)
    @action(detail=True, methods=["post"], url_path="end-early")
    def end_early(self, request: Request, uuid: str) -> Response:
        """Let the person back before the planned last day."""
        exclusion = self.get_object()
        form = EndEarlySerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.end_early(
            exclusion, ends_on=form.validated_data["ends_on"], today=today()
        )
        record = self.get_queryset().get(pk=exclusion.pk)
        return Response(self.get_serializer(record).data)
