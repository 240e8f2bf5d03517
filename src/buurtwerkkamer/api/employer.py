"""The cooperative as employer: contracts of every kind with their periods and
evaluations, the recruitment of paid staff, and the room's volunteers with
their tasks, certificates of conduct and allowances. Every change goes through
the employer services, which hold the rules; a colleague's pay is left out for
those who may not read it, and a placement's contract is a case file whose
reads are logged."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.access.case_files import record_read
from buurtwerkkamer.employer import services, volunteers
from buurtwerkkamer.employer.constants import (
    STAFF_KINDS,
    ConductResult,
    ContractKind,
    PayBasis,
    Position,
)
from buurtwerkkamer.employer.models import (
    Applicant,
    ConductCertificate,
    Contract,
    ContractEvaluation,
    Interview,
    StaffVacancy,
    VolunteerAllowance,
    VolunteerTask,
)
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .base import (
    ROOM_FILTER,
    CleanModelSerializer,
    GuardedFieldsMixin,
    PolicyViewSet,
    RoomRecordViewSet,
    ScopedSlugField,
)

VIEW_CONTRACT = "employer.view_contract"
CHANGE_CONTRACT = "employer.change_contract"
RECRUITMENT = "employer.change_recruitment"
PAY = ("employer.view_pay",)
ROOMS = Prefetch("rooms", Room.objects.only("pk", "slug"))
EVALUATIONS = Prefetch("evaluations", ContractEvaluation.objects.order_by("due_on"))
KIND_FILTER = OpenApiParameter(
    "kind", str, enum=ContractKind.values, description=_("Only contracts of this kind.")
)


def today() -> Any:
    return timezone.localdate()


def validated(serializer_class: type, request: Request) -> dict[str, Any]:
    form = serializer_class(data=request.data, context={"request": request})
    form.is_valid(raise_exception=True)
    return dict(form.validated_data)


def rooms_field(**extra: Any) -> ScopedSlugField:
    return ScopedSlugField(
        slug_field="slug", queryset=Room.objects.all(), many=True, **extra
    )


def person_field() -> ScopedSlugField:
    return ScopedSlugField(
        slug_field="uuid",
        queryset=Person.objects.all(),
        help_text=_("The UUID of a person."),
    )


# Contracts.


class ContractEvaluationSerializer(serializers.ModelSerializer[ContractEvaluation]):
    contract: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )

    class Meta:
        model = ContractEvaluation
        fields = ["uuid", "contract", "due_on", "held_on", "notes"]
        read_only_fields = fields


class ContractSerializer(GuardedFieldsMixin, serializers.ModelSerializer[Contract]):
    # Read-only choices lose their blank in DRF; said here, the schema allows it.
    position = serializers.ChoiceField(
        choices=Position.choices, allow_blank=True, read_only=True
    )
    person: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    name: serializers.Field = serializers.StringRelatedField(source="person")
    rooms: serializers.Field = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    previous: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, allow_null=True
    )
    document: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, allow_null=True
    )
    evaluations = ContractEvaluationSerializer(many=True, read_only=True)
    pay = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        read_only=True,
        help_text=_("Left out for those who may not read this contract's pay."),
    )

    class Meta:
        model = Contract
        fields = [
            "uuid",
            "person",
            "name",
            "kind",
            "position",
            "rooms",
            "starts_on",
            "ends_on",
            "hours_per_week",
            "pay",
            "pay_basis",
            "trial_ends_on",
            "previous",
            "end_reason",
            "document",
            "evaluations",
        ]
        read_only_fields = fields

    guarded_fields = {"pay": PAY, "pay_basis": PAY}


class TermsSerializer(serializers.Serializer):
    """The terms of a contract, as `services.create_contract` takes them."""

    kind = serializers.ChoiceField(choices=ContractKind.choices)
    position = serializers.ChoiceField(
        choices=Position.choices, required=False, allow_blank=True
    )
    rooms = rooms_field(help_text=_("The slugs of the rooms served."))
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    hours_per_week = serializers.DecimalField(max_digits=4, decimal_places=1)
    pay = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False
    )
    pay_basis = serializers.ChoiceField(choices=PayBasis.choices, required=False)
    trial_ends_on = serializers.DateField(required=False, allow_null=True)


class NewContractSerializer(TermsSerializer):
    person = person_field()


class HireSerializer(TermsSerializer):
    first_name = serializers.CharField(max_length=80)
    last_name = serializers.CharField(max_length=120)

    def validate_kind(self, kind: str) -> str:
        # The same choices as every contract in the schema; a hire is paid staff.
        if kind not in STAFF_KINDS:
            raise serializers.ValidationError(
                _("An applicant is hired on an employment or freelance contract.")
            )
        return kind


class ExtendSerializer(serializers.Serializer):
    ends_on = serializers.DateField()
    hours_per_week = serializers.DecimalField(
        max_digits=4, decimal_places=1, required=False
    )
    pay = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False
    )


class ContractEndSerializer(serializers.Serializer):
    ends_on = serializers.DateField()
    reason = serializers.CharField(max_length=300)


class DueSerializer(serializers.Serializer):
    due_on = serializers.DateField()


class HeldSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    notes = serializers.CharField()


class ContractViewSet(mixins.ListModelMixin, PolicyViewSet[Contract]):
    """Contracts of every kind. Made by the board; a placement's contract is
    made through the placement. An extension is a new contract that points to
    the one it extends."""

    queryset = Contract.objects.select_related(
        "person", "previous", "document"
    ).prefetch_related(ROOMS, EVALUATIONS)
    serializer_class = ContractSerializer
    policy = {
        "retrieve": VIEW_CONTRACT,
        "create": "employer.add_contract",
        "extend": CHANGE_CONTRACT,
        "end": CHANGE_CONTRACT,
        "evaluate": CHANGE_CONTRACT,
    }

    @extend_schema(parameters=[ROOM_FILTER, KIND_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[Contract]) -> QuerySet[Contract]:
        kind = self.request.query_params.get("kind")
        if kind:
            queryset = queryset.filter(kind=kind)
        slug = self.request.query_params.get("room")
        if slug:
            queryset = queryset.filter(rooms__slug=slug)
        return queryset.order_by("-starts_on", "pk")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        contract = self.get_object()
        # As the contract's page: a placement's contract is a case file.
        record_read(contract)
        return Response(self.get_serializer(contract).data)

    @extend_schema(request=NewContractSerializer, responses={201: ContractSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Make a contract under the rules of its kind."""
        data = validated(NewContractSerializer, request)
        contract = services.create_contract(data.pop("person"), **data)
        return self.answer(contract, status.HTTP_201_CREATED)

    @extend_schema(request=ExtendSerializer, responses={201: ContractSerializer})
    @action(detail=True, methods=["post"])
    def extend(self, request: Request, uuid: str) -> Response:
        """Extend by a new period; the answer is the new contract."""
        contract = self.get_object()
        data = validated(ExtendSerializer, request)
        extension = services.extend_contract(contract, **data)
        return self.answer(extension, status.HTTP_201_CREATED)

    @extend_schema(request=ContractEndSerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request: Request, uuid: str) -> Response:
        """End the contract early, with the reason."""
        contract = self.get_object()
        services.end_contract(contract, **validated(ContractEndSerializer, request))
        return self.answer(contract)

    @extend_schema(request=DueSerializer, responses={201: ContractSerializer})
    @action(detail=True, methods=["post"], url_path="evaluations")
    def evaluate(self, request: Request, uuid: str) -> Response:
        """Plan an evaluation within the contract's period."""
        contract = self.get_object()
        services.plan_evaluation(contract, **validated(DueSerializer, request))
        return self.answer(contract, status.HTTP_201_CREATED)

    def answer(self, contract: Contract, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=contract.pk)
        return Response(self.get_serializer(fresh).data, status=code)


class ContractEvaluationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, PolicyViewSet[ContractEvaluation]
):
    """Planned evaluations of contracts, recorded once they are held."""

    queryset = ContractEvaluation.objects.select_related("contract").prefetch_related(
        Prefetch("contract__rooms", Room.objects.only("pk"))
    )
    serializer_class = ContractEvaluationSerializer
    policy = {"retrieve": VIEW_CONTRACT, "record": CHANGE_CONTRACT}

    @extend_schema(request=HeldSerializer, responses=ContractEvaluationSerializer)
    @action(detail=True, methods=["post"])
    def record(self, request: Request, uuid: str) -> Response:
        """Record that the evaluation was held, with what came out of it."""
        evaluation = self.get_object()
        data = validated(HeldSerializer, request)
        services.record_evaluation(evaluation, **data, today=today())
        fresh = self.get_queryset().get(pk=evaluation.pk)
        return Response(self.get_serializer(fresh).data)


# Recruitment of paid staff: the board's.


class StaffInterviewSerializer(serializers.ModelSerializer[Interview]):
    class Meta:
        model = Interview
        fields = ["held_on", "notes"]


class ApplicantSerializer(serializers.ModelSerializer[Applicant]):
    vacancy: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    contract: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, allow_null=True
    )
    interviews = StaffInterviewSerializer(many=True, read_only=True)

    class Meta:
        model = Applicant
        fields = [
            "uuid",
            "vacancy",
            "name",
            "email",
            "phone",
            "notes",
            "decision",
            "decided_on",
            "contract",
            "interviews",
        ]
        read_only_fields = fields


class NewApplicantSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True)


class StaffVacancySerializer(CleanModelSerializer[StaffVacancy]):
    room = ScopedSlugField(
        slug_field="slug",
        queryset=Room.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("Empty for a position of the cooperative as a whole."),
    )
    applicants = ApplicantSerializer(many=True, read_only=True)

    class Meta:
        model = StaffVacancy
        fields = [
            "uuid",
            "title",
            "position",
            "room",
            "hours_per_week",
            "description",
            "opened_on",
            "closed_on",
            "applicants",
        ]

    def save_record(self, instance: StaffVacancy) -> None:
        services.save_vacancy(instance)


APPLICANTS = Prefetch(
    "applicants",
    Applicant.objects.select_related("contract").prefetch_related("interviews"),
)


class StaffVacancyViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    PolicyViewSet[StaffVacancy],
):
    queryset = StaffVacancy.objects.select_related("room").prefetch_related(APPLICANTS)
    serializer_class = StaffVacancySerializer
    policy = {
        "retrieve": "employer.view_recruitment",
        "create": RECRUITMENT,
        "update": RECRUITMENT,
        "partial_update": RECRUITMENT,
        "apply": RECRUITMENT,
    }

    @extend_schema(
        request=NewApplicantSerializer, responses={201: StaffVacancySerializer}
    )
    @action(detail=True, methods=["post"], url_path="applicants")
    def apply(self, request: Request, uuid: str) -> Response:
        """Register someone who applied, while the vacancy is open."""
        vacancy = self.get_object()
        services.add_applicant(vacancy, **validated(NewApplicantSerializer, request))
        fresh = self.get_queryset().get(pk=vacancy.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)


class ApplicantViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, PolicyViewSet[Applicant]
):
    queryset = Applicant.objects.select_related("vacancy", "contract").prefetch_related(
        "interviews"
    )
    serializer_class = ApplicantSerializer
    policy = {
        "retrieve": "employer.view_recruitment",
        "interview": RECRUITMENT,
        "reject": RECRUITMENT,
        "hire": RECRUITMENT,
    }

    @extend_schema(request=HeldSerializer, responses={201: ApplicantSerializer})
    @action(detail=True, methods=["post"], url_path="interviews")
    def interview(self, request: Request, uuid: str) -> Response:
        """Record an interview that was held, before the decision."""
        applicant = self.get_object()
        data = validated(HeldSerializer, request)
        services.add_interview(applicant, **data, today=today())
        return self.answer(applicant, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=ApplicantSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, uuid: str) -> Response:
        """Decide not to hire the applicant."""
        applicant = self.get_object()
        services.reject_applicant(applicant, today=today())
        return self.answer(applicant)

    @extend_schema(request=HireSerializer, responses=ApplicantSerializer)
    @action(detail=True, methods=["post"])
    def hire(self, request: Request, uuid: str) -> Response:
        """Hire an interviewed applicant with a staff contract."""
        applicant = self.get_object()
        data = validated(HireSerializer, request)
        services.hire_applicant(applicant, **data, today=today())
        return self.answer(applicant)

    def answer(self, applicant: Applicant, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=applicant.pk)
        return Response(self.get_serializer(fresh).data, status=code)


# Volunteers of a room.


class VolunteerRecordViewSet(mixins.CreateModelMixin, RoomRecordViewSet[Any]):
    """A room's volunteer records, made through `employer.volunteers`."""

    input_class: type[serializers.Serializer]
    output_class: type[serializers.Serializer]

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return self.input_class if self.action == "create" else self.output_class

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = validated(self.input_class, request)
        room = data.pop("room")
        self.check_object_permissions(request, room)
        record = self.make(data.pop("person"), room, data)
        fresh = self.get_queryset().get(pk=record.pk)
        body = self.output_class(fresh, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)

    def make(self, person: Person, room: Room, data: dict[str, Any]) -> Any:
        raise NotImplementedError


def volunteer_fields(*names: str) -> list[str]:
    return ["uuid", "room", "person", "name", *names]


class VolunteerOutput(serializers.ModelSerializer[Any]):
    room: serializers.Field = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    person: serializers.Field = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    name: serializers.Field = serializers.StringRelatedField(source="person")


class TaskSerializer(VolunteerOutput):
    class Meta:
        model = VolunteerTask
        fields = volunteer_fields("task", "needs_certificate", "starts_on", "ends_on")
        read_only_fields = fields


class CertificateSerializer(VolunteerOutput):
    class Meta:
        model = ConductCertificate
        fields = volunteer_fields("issued_on", "result")
        read_only_fields = fields


class AllowanceSerializer(VolunteerOutput):
    class Meta:
        model = VolunteerAllowance
        fields = volunteer_fields("month", "amount")
        read_only_fields = fields


class VolunteerInput(serializers.Serializer):
    room = ScopedSlugField(slug_field="slug", queryset=Room.objects.all())
    person = person_field()


class TaskInput(VolunteerInput):
    task = serializers.CharField(max_length=200)
    needs_certificate = serializers.BooleanField(default=False)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True)


class CertificateInput(VolunteerInput):
    issued_on = serializers.DateField()
    result = serializers.ChoiceField(choices=ConductResult.choices)


class AllowanceInput(VolunteerInput):
    month = serializers.DateField(help_text=_("The first day of the month."))
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)


VOLUNTEERS = {
    "retrieve": "employer.view_volunteers",
    "create": "employer.change_volunteers",
}


class VolunteerTaskViewSet(VolunteerRecordViewSet):
    queryset = VolunteerTask.objects.select_related("room", "person")
    input_class = TaskInput
    output_class = TaskSerializer
    policy = VOLUNTEERS

    @extend_schema(request=TaskInput, responses={201: TaskSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Give a volunteer of the room a task."""
        return super().create(request, *args, **kwargs)

    def make(self, person: Person, room: Room, data: dict[str, Any]) -> Any:
        return volunteers.add_task(person, room, **data)


class ConductCertificateViewSet(VolunteerRecordViewSet):
    """The date and result of a certificate of conduct (VOG), never the
    certificate itself."""

    queryset = ConductCertificate.objects.select_related("room", "person")
    input_class = CertificateInput
    output_class = CertificateSerializer
    policy = VOLUNTEERS

    @extend_schema(request=CertificateInput, responses={201: CertificateSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Record a certificate of conduct of a volunteer of the room."""
        return super().create(request, *args, **kwargs)

    def make(self, person: Person, room: Room, data: dict[str, Any]) -> Any:
        return volunteers.record_certificate(person, room, **data, today=today())


class VolunteerAllowanceViewSet(VolunteerRecordViewSet):
    """Allowances paid; refused past the tax-free limits over all rooms."""

    queryset = VolunteerAllowance.objects.select_related("room", "person")
    input_class = AllowanceInput
    output_class = AllowanceSerializer
    policy = {**VOLUNTEERS, "create": "employer.pay_allowance"}

    @extend_schema(request=AllowanceInput, responses={201: AllowanceSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Record an allowance paid by the room for a month."""
        return super().create(request, *args, **kwargs)

    def make(self, person: Person, room: Room, data: dict[str, Any]) -> Any:
        return volunteers.pay_allowance(person, room, **data)
