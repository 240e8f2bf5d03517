"""Placements of people far from the labour market: vacancies, candidates from
referral through selection, placements with their contract, and signals with
the contacts with the benefits agency. Candidates, placements and signals are
case files: only the room's coordinator and coach and the board see them, and
each record read is logged. Every change goes through the placements services,
which hold the rules."""

from typing import Any, cast

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.access.case_files import record_read
from buurtwerkkamer.employer.constants import PayBasis
from buurtwerkkamer.employer.models import ContractEvaluation
from buurtwerkkamer.partners.models import ContactPerson, Organisation
from buurtwerkkamer.placements import services
from buurtwerkkamer.placements.constants import (
    DECISIONS,
    Outcome,
    PlacementKind,
    Seriousness,
)
from buurtwerkkamer.placements.models import (
    Candidate,
    Placement,
    PlacementVacancy,
    SelectionInterview,
    Signal,
    SignalContact,
)
from buurtwerkkamer.rooms.models import Room

from .base import (
    ROOM_FILTER,
    PolicyViewSet,
    RoomRecordSerializer,
    RoomRecordViewSet,
    ScopedSlugField,
)
from .employer import DueSerializer, ExtendSerializer
from .permissions import rooms_where

VIEW_CASE = "placements.view_case"
CHANGE_CASE = "placements.change_case"
INTERVIEWS = Prefetch("interviews", SelectionInterview.objects.order_by("held_on"))
CONTACTS = Prefetch(
    "contacts", SignalContact.objects.select_related("contact").order_by("pk")
)
EVALUATIONS = Prefetch(
    "contract__evaluations", ContractEvaluation.objects.order_by("due_on")
)


def today() -> Any:
    return timezone.localdate()


class ContactField(serializers.SlugRelatedField):
    """A contact person by UUID, of an organisation the user may see."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("The UUID of a contact person."))
        super().__init__(slug_field="uuid", queryset=ContactPerson.objects, **kwargs)

    def get_queryset(self) -> QuerySet:
        request = self.context.get("request")
        visible = Organisation.objects.visible_to(getattr(request, "user", None))
        return ContactPerson.objects.filter(organisation__in=visible)


class PlacementVacancySerializer(RoomRecordSerializer[PlacementVacancy]):
    class Meta:
        model = PlacementVacancy
        fields = [
            "uuid",
            "room",
            "kind",
            "title",
            "description",
            "hours_per_week",
            "opened_on",
            "closed_on",
        ]

    def save_record(self, instance: PlacementVacancy) -> None:
        services.save_vacancy(instance)


class SelectionInterviewSerializer(serializers.ModelSerializer[SelectionInterview]):
    class Meta:
        model = SelectionInterview
        fields = ["held_on", "notes", "decision"]


class CandidateSerializer(serializers.ModelSerializer[Candidate]):
    """A candidate as the API shows one; registering takes other fields."""

    room: serializers.Field = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    person: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    name: serializers.Field = serializers.StringRelatedField(source="person")
    vacancy: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, allow_null=True
    )
    referred_by: serializers.Field = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    referral_contact: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, allow_null=True
    )
    interviews = SelectionInterviewSerializer(many=True, read_only=True)
    placement = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = [
            "uuid",
            "room",
            "person",
            "name",
            "vacancy",
            "referred_by",
            "referral_contact",
            "registered_on",
            "intake_on",
            "intake_notes",
            "status",
            "interviews",
            "placement",
        ]
        read_only_fields = fields

    def get_placement(self, candidate: Candidate) -> str | None:
        placement = getattr(candidate, "placement", None)
        return str(placement.uuid) if placement else None


class RegisterSerializer(serializers.Serializer):
    room = ScopedSlugField(slug_field="slug", queryset=Room.objects.all())
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    registered_on = serializers.DateField()
    referred_by = ScopedSlugField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The benefits agency that refers the candidate, by its slug."),
    )
    referral_contact = ContactField(required=False, allow_null=True)
    vacancy = ScopedSlugField(
        slug_field="uuid",
        queryset=PlacementVacancy.objects.all(),
        required=False,
        allow_null=True,
    )


class IntakeSerializer(serializers.Serializer):
    intake_on = serializers.DateField()
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class InterviewInputSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    notes = serializers.CharField()
    decision = serializers.ChoiceField(choices=DECISIONS)


class PlaceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PlacementKind.choices)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    hours_per_week = serializers.DecimalField(max_digits=4, decimal_places=1)
    pay = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, min_value=0
    )
    pay_basis = serializers.ChoiceField(choices=PayBasis.choices, required=False)
    trial_ends_on = serializers.DateField(required=False, allow_null=True)
    first_evaluation_on = serializers.DateField(required=False, allow_null=True)


class PlacementEvaluationSerializer(serializers.ModelSerializer[ContractEvaluation]):
    class Meta:
        model = ContractEvaluation
        fields = ["uuid", "due_on", "held_on", "notes"]


class PlacementSerializer(serializers.ModelSerializer[Placement]):
    outcome = serializers.ChoiceField(
        choices=Outcome.choices, allow_blank=True, read_only=True
    )
    room: serializers.Field = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    candidate: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    name: serializers.Field = serializers.StringRelatedField(source="candidate.person")
    contract: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    contract_ends_on = serializers.DateField(
        source="contract.ends_on", read_only=True, allow_null=True
    )
    evaluations = PlacementEvaluationSerializer(
        source="contract.evaluations", many=True, read_only=True
    )

    class Meta:
        model = Placement
        fields = [
            "uuid",
            "room",
            "candidate",
            "name",
            "kind",
            "contract",
            "contract_ends_on",
            "started_on",
            "ended_on",
            "outcome",
            "outcome_notes",
            "evaluations",
        ]
        read_only_fields = fields


class PlacementEndSerializer(serializers.Serializer):
    ended_on = serializers.DateField()
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class RaiseSerializer(serializers.Serializer):
    raised_on = serializers.DateField()
    description = serializers.CharField()
    seriousness = serializers.ChoiceField(choices=Seriousness.choices)
    approach = serializers.CharField(required=False, allow_blank=True, default="")
    follow_up_on = serializers.DateField()


class SignalContactSerializer(serializers.ModelSerializer[SignalContact]):
    contact: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    contact_name = serializers.CharField(source="contact.name", read_only=True)

    class Meta:
        model = SignalContact
        fields = ["contacted_on", "contact", "contact_name", "summary"]


class SignalSerializer(serializers.ModelSerializer[Signal]):
    placement: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    room: serializers.Field = serializers.SlugRelatedField(
        source="placement.room", slug_field="slug", read_only=True
    )
    contacts = SignalContactSerializer(many=True, read_only=True)

    class Meta:
        model = Signal
        fields = [
            "uuid",
            "placement",
            "room",
            "raised_on",
            "description",
            "seriousness",
            "approach",
            "follow_up_on",
            "resolved_on",
            "resolution",
            "contacts",
        ]
        read_only_fields = fields


class ContactInputSerializer(serializers.Serializer):
    contacted_on = serializers.DateField()
    contact = ContactField()
    summary = serializers.CharField()
    follow_up_on = serializers.DateField(required=False, allow_null=True)


class ResolveSerializer(serializers.Serializer):
    resolved_on = serializers.DateField()
    resolution = serializers.CharField()


def validated(serializer_class: type, request: Request) -> dict[str, Any]:
    form = serializer_class(data=request.data, context={"request": request})
    form.is_valid(raise_exception=True)
    return dict(form.validated_data)


class CaseFileViewSet(RoomRecordViewSet[Any]):
    """Each case file read through the API is logged, as on the pages."""

    shown_with: type[serializers.Serializer]

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        record = self.get_object()
        record_read(record)
        return Response(self.get_serializer(record).data)

    def answer(self, record: Any, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=record.pk)
        # The serializer that shows the record, also after a create that read
        # its input with another.
        shown = self.shown_with(fresh, context=self.get_serializer_context())
        return Response(shown.data, status=code)


class PlacementVacancyViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    RoomRecordViewSet[PlacementVacancy],
):
    queryset = PlacementVacancy.objects.select_related("room")
    serializer_class = PlacementVacancySerializer
    policy = {
        "retrieve": "placements.view_room",
        "create": "placements.change_vacancy",
        "update": "placements.change_vacancy",
        "partial_update": "placements.change_vacancy",
    }


class CandidateViewSet(mixins.CreateModelMixin, CaseFileViewSet):
    """Candidates: registered (referred or come in), intake, selection
    interviews, and their placement."""

    queryset = Candidate.objects.select_related(
        "room", "person", "vacancy", "referred_by", "referral_contact", "placement"
    ).prefetch_related(INTERVIEWS)
    serializer_class = shown_with = CandidateSerializer
    policy = {
        "retrieve": VIEW_CASE,
        "create": CHANGE_CASE,
        "intake": CHANGE_CASE,
        "interview": CHANGE_CASE,
        "place": CHANGE_CASE,
    }

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return RegisterSerializer if self.action == "create" else CandidateSerializer

    @extend_schema(request=RegisterSerializer, responses={201: CandidateSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Register a candidate; they become a person of the room."""
        data = validated(RegisterSerializer, request)
        room = data.pop("room")
        self.check_object_permissions(request, room)
        candidate = services.register_candidate(room, **data, today=today())
        return self.answer(candidate, status.HTTP_201_CREATED)

    @extend_schema(request=IntakeSerializer, responses=CandidateSerializer)
    @action(detail=True, methods=["post"])
    def intake(self, request: Request, uuid: str) -> Response:
        """Record the intake, once."""
        candidate = self.get_object()
        services.record_intake(
            candidate, **validated(IntakeSerializer, request), today=today()
        )
        return self.answer(candidate)

    @extend_schema(request=InterviewInputSerializer, responses=CandidateSerializer)
    @action(detail=True, methods=["post"], url_path="interviews")
    def interview(self, request: Request, uuid: str) -> Response:
        """Record a selection interview; its decision becomes the status."""
        candidate = self.get_object()
        data = validated(InterviewInputSerializer, request)
        services.record_interview(candidate, **data, today=today())
        return self.answer(candidate, status.HTTP_201_CREATED)

    @extend_schema(request=PlaceSerializer, responses={201: PlacementSerializer})
    @action(detail=True, methods=["post"])
    def place(self, request: Request, uuid: str) -> Response:
        """Place an accepted candidate with a contract of the placement's kind."""
        candidate = self.get_object()
        placement = services.start_placement(
            candidate, **validated(PlaceSerializer, request)
        )
        fresh = PlacementViewSet.queryset.get(pk=placement.pk)
        context = self.get_serializer_context()
        body = PlacementSerializer(fresh, context=context).data
        return Response(body, status=status.HTTP_201_CREATED)


class PlacementViewSet(CaseFileViewSet):
    """Running and ended placements; extended, evaluated and ended here."""

    queryset = Placement.objects.select_related(
        "room", "candidate__person", "contract"
    ).prefetch_related(EVALUATIONS)
    serializer_class = shown_with = PlacementSerializer
    policy = {
        "retrieve": VIEW_CASE,
        "evaluate": CHANGE_CASE,
        "extend": CHANGE_CASE,
        "end": CHANGE_CASE,
        "signal": CHANGE_CASE,
    }

    @extend_schema(request=DueSerializer, responses={201: PlacementSerializer})
    @action(detail=True, methods=["post"], url_path="evaluations")
    def evaluate(self, request: Request, uuid: str) -> Response:
        """Plan an evaluation within the contract; it is recorded through the
        contract evaluation's own endpoint."""
        placement = self.get_object()
        services.plan_evaluation(placement, **validated(DueSerializer, request))
        return self.answer(placement, status.HTTP_201_CREATED)

    @extend_schema(request=ExtendSerializer, responses=PlacementSerializer)
    @action(detail=True, methods=["post"])
    def extend(self, request: Request, uuid: str) -> Response:
        """Extend the placement by a new period of its contract."""
        placement = self.get_object()
        services.extend_placement(placement, **validated(ExtendSerializer, request))
        return self.answer(placement)

    @extend_schema(request=PlacementEndSerializer, responses=PlacementSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request: Request, uuid: str) -> Response:
        """End the placement with its outcome."""
        placement = self.get_object()
        services.end_placement(placement, **validated(PlacementEndSerializer, request))
        return self.answer(placement)

    @extend_schema(request=RaiseSerializer, responses={201: SignalSerializer})
    @action(detail=True, methods=["post"], url_path="signals")
    def signal(self, request: Request, uuid: str) -> Response:
        """Raise a signal: a problem in the placement."""
        placement = self.get_object()
        data = validated(RaiseSerializer, request)
        signal = services.raise_signal(placement, **data, today=today())
        fresh = SignalViewSet.queryset.get(pk=signal.pk)
        body = SignalSerializer(fresh, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class SignalViewSet(mixins.ListModelMixin, PolicyViewSet[Signal]):
    """Signals with every contact about them with the benefits agency."""

    queryset = Signal.objects.select_related("placement__room").prefetch_related(
        CONTACTS
    )
    serializer_class = SignalSerializer
    policy = {
        "retrieve": VIEW_CASE,
        "contact": CHANGE_CASE,
        "resolve": CHANGE_CASE,
    }

    @extend_schema(parameters=[ROOM_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        signal = self.get_object()
        record_read(signal)
        return Response(self.get_serializer(signal).data)

    def filter_list(self, queryset: QuerySet[Signal]) -> QuerySet[Signal]:
        slug = self.request.query_params.get("room")
        return queryset.filter(placement__room__slug=slug) if slug else queryset

    def narrow(self, queryset: QuerySet[Signal]) -> QuerySet[Signal]:
        allowed = rooms_where(self.request.user, VIEW_CASE)
        return queryset.filter(placement__room__in=allowed)

    @extend_schema(request=ContactInputSerializer, responses={201: SignalSerializer})
    @action(detail=True, methods=["post"], url_path="contacts")
    def contact(self, request: Request, uuid: str) -> Response:
        """Record a contact with the benefits agency about the open signal."""
        signal = self.get_object()
        data = validated(ContactInputSerializer, request)
        services.add_contact(signal, **data, today=today())
        return self.answer(signal, status.HTTP_201_CREATED)

    @extend_schema(request=ResolveSerializer, responses=SignalSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request: Request, uuid: str) -> Response:
        """Close the signal: when and how it was resolved."""
        signal = self.get_object()
        services.resolve_signal(
            signal, **validated(ResolveSerializer, request), today=today()
        )
        return self.answer(signal)

    def answer(self, signal: Signal, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=signal.pk)
        return Response(cast(Any, self.get_serializer(fresh)).data, status=code)
