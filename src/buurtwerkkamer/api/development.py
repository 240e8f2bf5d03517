"""Evaluations with their follow-up actions, learning plans, and trainings with
their participants. Every change goes through the development services, which
hold the rules; named persons (evaluators, owners, participants) are left out
for those who may not see them."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.development import services
from buurtwerkkamer.development.forms import owners_for
from buurtwerkkamer.development.models import (
    Evaluation,
    FollowUp,
    LearningPlan,
    Training,
    TrainingParticipant,
)
from buurtwerkkamer.development.queries import with_counts
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Person

from .base import (
    GuardedFieldsMixin,
    RoomRecordSerializer,
    RoomRecordViewSet,
    ScopedSlugField,
)

NAMES = ("development.view_names",)
DOCUMENT_FIELD: dict[str, Any] = {
    "slug_field": "uuid",
    "read_only": True,
    "allow_null": True,
}
FOLLOW_UPS = Prefetch("follow_ups", FollowUp.objects.select_related("owner"))
PARTICIPANTS = Prefetch(
    "participants", TrainingParticipant.objects.select_related("person")
)


def today() -> Any:
    return timezone.localdate()


class FollowUpSerializer(GuardedFieldsMixin, serializers.ModelSerializer[FollowUp]):
    owner = serializers.CharField(
        source="owner.name",
        read_only=True,
        help_text=_("Left out for those who may not see named persons."),
    )

    class Meta:
        model = FollowUp
        fields = ["uuid", "action", "owner", "due_on", "done_on"]
        read_only_fields = fields

    guarded_fields = {"owner": NAMES}


class EvaluationSerializer(GuardedFieldsMixin, RoomRecordSerializer[Evaluation]):
    organisation = ScopedSlugField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        allow_null=True,
        required=False,
    )
    report = serializers.SlugRelatedField(**DOCUMENT_FIELD)
    follow_ups = FollowUpSerializer(many=True, read_only=True)
    evaluator_name = serializers.CharField(
        max_length=150,
        required=False,
        allow_blank=True,
        help_text=_("Left out for those who may not see named persons."),
    )

    class Meta:
        model = Evaluation
        fields = [
            "uuid",
            "room",
            "theme",
            "evaluator",
            "organisation",
            "evaluator_name",
            "held_on",
            "findings",
            "recommendations",
            "report",
            "follow_ups",
            "created_at",
            "updated_at",
        ]

    guarded_fields = {"evaluator_name": NAMES}

    def save_record(self, instance: Evaluation) -> None:
        services.save_evaluation(instance, today=today())


class FollowUpInputSerializer(serializers.Serializer):
    action = serializers.CharField(max_length=300)
    owner = serializers.SlugRelatedField(
        slug_field="email",
        queryset=User.objects.all(),
        help_text=_("The e-mail address of a staff member of the room or the board."),
    )
    due_on = serializers.DateField()

    def validate_owner(self, owner: User) -> User:
        if not owners_for(self.context["evaluation"].room).filter(pk=owner.pk).exists():
            raise serializers.ValidationError(
                _("The owner must be the room's staff or a board member.")
            )
        return owner


class FollowUpDoneSerializer(serializers.Serializer):
    follow_up = serializers.UUIDField()
    done_on = serializers.DateField()


class ReportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("The report as PDF, JPEG or PNG."))


class LearningPlanSerializer(RoomRecordSerializer[LearningPlan]):
    class Meta:
        model = LearningPlan
        fields = [
            "uuid",
            "room",
            "year",
            "lessons_learned",
            "results",
            "learning_goals",
            "created_at",
            "updated_at",
        ]
        # The service refuses a year twice, at the year, as the page does.
        validators: list[Any] = []

    def save_record(self, instance: LearningPlan) -> None:
        services.save_learning_plan(instance, today=today())


class ParticipantSerializer(serializers.ModelSerializer[TrainingParticipant]):
    person: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    name = serializers.CharField(source="person.__str__", read_only=True)

    class Meta:
        model = TrainingParticipant
        fields = ["uuid", "person", "name", "completed_on"]
        read_only_fields = fields


class TrainingSerializer(GuardedFieldsMixin, RoomRecordSerializer[Training]):
    learning_plan = ScopedSlugField(
        slug_field="uuid",
        queryset=LearningPlan.objects.all(),
        allow_null=True,
        required=False,
    )
    participant_count = serializers.SerializerMethodField()
    completed_count = serializers.SerializerMethodField()
    participants = ParticipantSerializer(
        many=True,
        read_only=True,
        help_text=_("Only for the room's staff and the board."),
    )

    class Meta:
        model = Training
        fields = [
            "uuid",
            "room",
            "learning_plan",
            "title",
            "provider",
            "starts_on",
            "ends_on",
            "status",
            "description",
            "participant_count",
            "completed_count",
            "participants",
            "created_at",
            "updated_at",
        ]

    guarded_fields = {"participants": NAMES}

    @extend_schema_field(serializers.IntegerField())
    def get_participant_count(self, training: Training) -> int:
        counted = getattr(training, "participant_count", None)
        return training.participants.count() if counted is None else counted

    @extend_schema_field(serializers.IntegerField())
    def get_completed_count(self, training: Training) -> int:
        counted = getattr(training, "completed_count", None)
        if counted is None:
            return training.participants.filter(completed_on__isnull=False).count()
        return counted

    def save_record(self, instance: Training) -> None:
        services.save_training(instance, today=today())


class ParticipantInputSerializer(serializers.Serializer):
    person = ScopedSlugField(
        slug_field="uuid",
        queryset=Person.objects.all(),
        help_text=_("The UUID of a person of the training's room."),
    )


class CompletionSerializer(serializers.Serializer):
    person = serializers.UUIDField(help_text=_("The UUID of the participant's person."))
    completed_on = serializers.DateField(
        allow_null=True, help_text=_("Empty clears the completion.")
    )


def refused(error: DjangoValidationError) -> serializers.ValidationError:
    detail = error.message_dict if hasattr(error, "error_dict") else error.messages
    return serializers.ValidationError(detail)


class EvaluationViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[Evaluation]
):
    queryset = Evaluation.objects.select_related(
        "room", "organisation", "report"
    ).prefetch_related(FOLLOW_UPS)
    serializer_class = EvaluationSerializer
    policy = {
        "retrieve": "development.view_evaluation",
        "create": "development.add_evaluation",
        "update": "development.change_evaluation",
        "partial_update": "development.change_evaluation",
        "add_follow_up": "development.change_evaluation",
        "follow_up_done": "development.change_evaluation",
        "upload_report": "development.change_evaluation",
    }

    @extend_schema(
        request=FollowUpInputSerializer, responses={201: EvaluationSerializer}
    )
    @action(detail=True, methods=["post"], url_path="follow-ups")
    def add_follow_up(self, request: Request, uuid: str) -> Response:
        """Add a follow-up action; it appears among its owner's deadlines."""
        evaluation = self.get_object()
        form = FollowUpInputSerializer(
            data=request.data, context={"evaluation": evaluation}
        )
        form.is_valid(raise_exception=True)
        try:
            services.add_follow_up(evaluation, **form.validated_data)
        except DjangoValidationError as error:
            raise refused(error) from error
        return self.fresh(evaluation, status.HTTP_201_CREATED)

    @extend_schema(request=FollowUpDoneSerializer, responses=EvaluationSerializer)
    @action(detail=True, methods=["post"], url_path="follow-ups/done")
    def follow_up_done(self, request: Request, uuid: str) -> Response:
        """Record that a follow-up action was done, on a day up to today."""
        evaluation = self.get_object()
        form = FollowUpDoneSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        follow_up = get_object_or_404(
            evaluation.follow_ups.all(), uuid=data["follow_up"]
        )
        try:
            services.complete_follow_up(
                follow_up, done_on=data["done_on"], today=today()
            )
        except DjangoValidationError as error:
            raise refused(error) from error
        return self.fresh(evaluation, status.HTTP_200_OK)

    @extend_schema(request=ReportSerializer, responses={201: EvaluationSerializer})
    @action(
        detail=True,
        methods=["post"],
        url_path="report",
        parser_classes=[MultiPartParser],
    )
    def upload_report(self, request: Request, uuid: str) -> Response:
        """Store the evaluation report (multipart, field `file`). A file that is
        not what it claims, or too large, is refused and nothing kept."""
        evaluation = self.get_object()
        form = ReportSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            services.store_report(evaluation, form.validated_data["file"], request.user)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"file": error.messages}) from error
        return self.fresh(evaluation, status.HTTP_201_CREATED)

    def fresh(self, evaluation: Evaluation, code: int) -> Response:
        record = self.get_queryset().get(pk=evaluation.pk)
        return Response(self.get_serializer(record).data, status=code)


class LearningPlanViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[LearningPlan]
):
    queryset = LearningPlan.objects.select_related("room")
    serializer_class = LearningPlanSerializer
    policy = {
        "retrieve": "development.view_learningplan",
        "create": "development.add_learningplan",
        "update": "development.change_learningplan",
        "partial_update": "development.change_learningplan",
    }


class TrainingViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[Training]
):
    queryset = Training.objects.select_related("room", "learning_plan")
    serializer_class = TrainingSerializer
    policy = {
        "retrieve": "development.view_training",
        "create": "development.add_training",
        "update": "development.change_training",
        "partial_update": "development.change_training",
        "add_participant": "development.change_training",
        "complete": "development.change_training",
    }

    def scope(self, queryset: QuerySet[Training]) -> QuerySet[Training]:
        return with_counts(super().scope(queryset)).prefetch_related(PARTICIPANTS)

    @extend_schema(
        request=ParticipantInputSerializer, responses={201: TrainingSerializer}
    )
    @action(detail=True, methods=["post"], url_path="participants")
    def add_participant(self, request: Request, uuid: str) -> Response:
        """Enrol a person of the training's room."""
        training = self.get_object()
        form = ParticipantInputSerializer(
            data=request.data, context={"request": request}
        )
        form.is_valid(raise_exception=True)
        try:
            services.add_participant(training, form.validated_data["person"])
        except DjangoValidationError as error:
            raise refused(error) from error
        return self.fresh(training, status.HTTP_201_CREATED)

    @extend_schema(request=CompletionSerializer, responses=TrainingSerializer)
    @action(detail=True, methods=["post"], url_path="completions")
    def complete(self, request: Request, uuid: str) -> Response:
        """Record when a participant completed the training: on or after its
        last day, and not after today."""
        training = self.get_object()
        form = CompletionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        participant = get_object_or_404(
            training.participants.all(), person__uuid=data["person"]
        )
        try:
            services.record_completion(
                participant, completed_on=data["completed_on"], today=today()
            )
        except DjangoValidationError as error:
            raise refused(error) from error
        return self.fresh(training, status.HTTP_200_OK)

    def fresh(self, training: Training, code: int) -> Response:
        record = self.get_queryset().get(pk=training.pk)
        return Response(self.get_serializer(record).data, status=code)
