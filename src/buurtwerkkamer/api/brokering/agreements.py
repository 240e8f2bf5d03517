"""Agreements with their parties and signatures, and funding applications. Every
change goes through the brokering services, which hold the rules."""

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

from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.models import (
    Agreement,
    AgreementParty,
    FundingApplication,
    ReportingDate,
)
from buurtwerkkamer.brokering.queries import readable_agreements
from buurtwerkkamer.partners.models import Organisation

from ..base import (
    GuardedFieldsMixin,
    RoomRecordSerializer,
    RoomRecordViewSet,
    ScopedSlugField,
)
from ..permissions import rooms_where
from .results import (
    INVESTMENTS,
    AmendmentInputSerializer,
    AmendmentSerializer,
    CommitmentInputSerializer,
    InvestmentInputSerializer,
    InvestmentSerializer,
    ObligationInputSerializer,
    ObligationSerializer,
    measured_context,
)

PARTIES = Prefetch("parties", AgreementParty.objects.select_related("organisation"))
DOCUMENT_FIELD: dict[str, Any] = {
    "slug_field": "uuid",
    "read_only": True,
    "allow_null": True,
}


class PartySerializer(GuardedFieldsMixin, serializers.ModelSerializer[AgreementParty]):
    """A party to an agreement and, once it signed, when and by whom."""

    organisation: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    signed_by = serializers.CharField(
        label=_("signed by"),
        read_only=True,
        help_text=_(
            "Who signed for the party; left out for the signatories of other "
            "organisations than the partner's own."
        ),
    )

    class Meta:
        model = AgreementParty
        fields = [
            "uuid",
            "organisation",
            "signed_on",
            "signed_by",
            "commitment_amount",
            "commitment_in_kind",
        ]
        read_only_fields = fields

    guarded_fields = {"signed_by": ("brokering.view_signatory",)}


class AgreementSerializer(RoomRecordSerializer[Agreement]):
    parties = PartySerializer(many=True, read_only=True)
    obligations = ObligationSerializer(many=True, read_only=True)
    investments = serializers.SerializerMethodField()
    amendments = AmendmentSerializer(many=True, read_only=True)
    organisations = ScopedSlugField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        many=True,
        write_only=True,
        required=False,
        help_text=_("On creation: the parties, by the slug of each organisation."),
    )
    signed_document = serializers.SlugRelatedField(**DOCUMENT_FIELD)

    class Meta:
        model = Agreement
        fields = [
            "uuid",
            "room",
            "kind",
            "title",
            "starts_on",
            "ends_on",
            "year",
            "shared_goals",
            "status",
            "parties",
            "obligations",
            "investments",
            "amendments",
            "organisations",
            "signed_document",
            "notes",
            "created_at",
            "updated_at",
        ]
        # The status follows the signatures of the parties.
        read_only_fields = ["status"]

    @extend_schema_field(InvestmentSerializer(many=True))
    def get_investments(self, agreement: Agreement) -> list[dict[str, Any]]:
        """What each party of a partnership intends to invest, per year."""
        rows = [
            investment
            for party in agreement.parties.all()
            for investment in party.investments.all()
        ]
        rows.sort(key=lambda row: (row.year, row.party.organisation.name))
        return InvestmentSerializer(rows, many=True).data  # type: ignore[return-value]

    def validate_organisations(self, value: list[Organisation]) -> list[Organisation]:
        if self.instance is not None:
            raise serializers.ValidationError(
                _("Add a party to an existing agreement with its parties action.")
            )
        return value

    def create(self, validated_data: dict[str, Any]) -> Agreement:
        data = dict(validated_data)
        room, parties = data.pop("room"), data.pop("organisations", [])
        return services.create_agreement(room, parties=parties, **data)

    def update(self, instance: Agreement, validated_data: dict[str, Any]) -> Agreement:
        # The room stays (see `validate_room`); the service refuses a signed
        # agreement and a change of kind.
        changes = {k: v for k, v in validated_data.items() if k != "room"}
        return services.update_agreement(instance, **changes)


class PartyChoiceSerializer(serializers.Serializer):
    organisation = ScopedSlugField(
        slug_field="slug", queryset=Organisation.objects.all()
    )


class SignatureSerializer(serializers.Serializer):
    organisation = serializers.SlugField(
        help_text=_("The slug of the party's organisation.")
    )
    signed_on = serializers.DateField()
    signed_by = serializers.CharField(max_length=150)


class SignedDocumentSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=_("The signed agreement as PDF, JPEG or PNG.")
    )


class ReportingDateSerializer(serializers.ModelSerializer[ReportingDate]):
    class Meta:
        model = ReportingDate
        fields = ["uuid", "due_on", "subject", "done_on"]
        read_only_fields = ["uuid"]


class FundingApplicationSerializer(RoomRecordSerializer[FundingApplication]):
    funder = ScopedSlugField(slug_field="slug", queryset=Organisation.objects.all())
    reporting_dates = ReportingDateSerializer(many=True, read_only=True)
    document = serializers.SlugRelatedField(**DOCUMENT_FIELD)

    class Meta:
        model = FundingApplication
        fields = [
            "uuid",
            "room",
            "funder",
            "title",
            "amount_requested",
            "period_start",
            "period_end",
            "status",
            "submitted_on",
            "decision_expected_on",
            "decided_on",
            "amount_granted",
            "conditions",
            "reporting_dates",
            "document",
            "created_at",
            "updated_at",
        ]

    def save_record(self, instance: FundingApplication) -> None:
        services.save_funding_application(instance)


class AgreementViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, RoomRecordViewSet[Agreement]
):
    queryset = Agreement.objects.select_related(
        "room", "signed_document"
    ).prefetch_related(PARTIES, "obligations", "amendments", INVESTMENTS)
    serializer_class = AgreementSerializer
    policy = {
        "retrieve": "brokering.view_agreement",
        "create": "brokering.add_agreement",
        "update": "brokering.change_agreement",
        "partial_update": "brokering.change_agreement",
        "add_party": "brokering.change_agreement",
        "upload_document": "brokering.change_agreement",
        # Asked against the party that signs: its organisation may sign for itself.
        "sign": "brokering.sign_agreement",
        "copy": "brokering.copy_agreement",
        "negotiate": "brokering.change_agreement",
        "amend": "brokering.change_agreement",
        "add_obligation": "brokering.change_agreement",
        "set_investment": "brokering.change_agreement",
        "set_commitment": "brokering.change_agreement",
    }

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        """Measure the obligations of every agreement answered at once."""
        instance = args[0] if args else None
        if isinstance(instance, Agreement) or kwargs.get("many"):
            agreements = [instance] if isinstance(instance, Agreement) else instance
            obligations = [o for a in agreements or [] for o in a.obligations.all()]
            context = kwargs.setdefault("context", self.get_serializer_context())
            context["measured"] = measured_context(obligations, timezone.localdate())
        return super().get_serializer(*args, **kwargs)

    @extend_schema(request=None, responses={201: AgreementSerializer})
    @action(detail=True, methods=["post"])
    def copy(self, request: Request, uuid: str) -> Response:
        """Draft next year's annual agreement from this one: parties unsigned,
        commitments and result obligations as they were."""
        copy = services.copy_annual_agreement(self.get_object())
        return self.agreement_response(copy, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=AgreementSerializer)
    @action(detail=True, methods=["post"])
    def negotiate(self, request: Request, uuid: str) -> Response:
        """Take a draft to the table: its parties see it from now on."""
        agreement = services.start_negotiation(self.get_object())
        return self.agreement_response(agreement, status.HTTP_200_OK)

    @extend_schema(request=AmendmentInputSerializer, responses=AgreementSerializer)
    @action(detail=True, methods=["post"])
    def amend(self, request: Request, uuid: str) -> Response:
        """Record a change to a signed partnership or annual agreement; every
        party signs it again."""
        agreement = self.get_object()
        form = AmendmentInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.amend_agreement(
            agreement,
            **form.validated_data,
            user=request.user,
            today=timezone.localdate(),
        )
        return self.agreement_response(agreement, status.HTTP_200_OK)

    @extend_schema(
        request=ObligationInputSerializer, responses={201: AgreementSerializer}
    )
    @action(detail=True, methods=["post"], url_path="obligations")
    def add_obligation(self, request: Request, uuid: str) -> Response:
        """Add a result obligation: an indicator, a target and a unit."""
        agreement = self.get_object()
        form = ObligationInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.add_obligation(agreement, **form.validated_data)
        return self.agreement_response(agreement, status.HTTP_201_CREATED)

    @extend_schema(request=InvestmentInputSerializer, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path="investments")
    def set_investment(self, request: Request, uuid: str) -> Response:
        """State what a party of a partnership invests in one year of it."""
        agreement = self.get_object()
        form = InvestmentInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        party = get_object_or_404(
            agreement.parties.all(), organisation__slug=data.pop("organisation")
        )
        services.set_investment(party, **data)
        return self.agreement_response(agreement, status.HTTP_200_OK)

    @extend_schema(request=CommitmentInputSerializer, responses=AgreementSerializer)
    @action(detail=True, methods=["post"], url_path="commitments")
    def set_commitment(self, request: Request, uuid: str) -> Response:
        """State what a party commits: an amount, something in kind, or both."""
        agreement = self.get_object()
        form = CommitmentInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        party = get_object_or_404(
            agreement.parties.all(), organisation__slug=data["organisation"]
        )
        services.set_commitment(
            party,
            data["commitment_amount"],
            data["commitment_in_kind"],
            request.user,
        )
        return self.agreement_response(agreement, status.HTTP_200_OK)

    @extend_schema(request=PartyChoiceSerializer, responses={201: AgreementSerializer})
    @action(detail=True, methods=["post"], url_path="parties")
    def add_party(self, request: Request, uuid: str) -> Response:
        """Add an organisation as a party to an agreement that is not signed yet."""
        agreement = self.get_object()
        form = PartyChoiceSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        services.add_party(agreement, form.validated_data["organisation"])
        return self.agreement_response(agreement, status.HTTP_201_CREATED)

    @extend_schema(request=SignatureSerializer, responses=AgreementSerializer)
    @action(detail=True, methods=["post"])
    def sign(self, request: Request, uuid: str) -> Response:
        """Record a party's signature; with the last one, the agreement is signed."""
        agreement = self.get_visible_object()
        form = SignatureSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        party = get_object_or_404(
            agreement.parties.all(), organisation__slug=data["organisation"]
        )
        self.check_object_permissions(request, party)
        services.record_signature(
            party,
            signed_on=data["signed_on"],
            signed_by=data["signed_by"],
            today=timezone.localdate(),
        )
        return self.agreement_response(agreement, status.HTTP_200_OK)

    @extend_schema(
        request=SignedDocumentSerializer, responses={201: AgreementSerializer}
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="document",
        parser_classes=[MultiPartParser],
    )
    def upload_document(self, request: Request, uuid: str) -> Response:
        """Store the signed agreement as a file (multipart, field `file`). A file
        that is not what it claims, or too large, is refused and nothing kept."""
        agreement = self.get_object()
        form = SignedDocumentSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        upload = form.validated_data["file"]
        try:
            services.store_signed_document(agreement, upload, request.user)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"file": error.messages}) from error
        return self.agreement_response(agreement, status.HTTP_201_CREATED)

    def narrow(self, queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
        rooms = rooms_where(self.request.user, "brokering.list_agreements")
        return readable_agreements(self.request.user, queryset.filter(room__in=rooms))

    def agreement_response(self, agreement: Agreement, code: int) -> Response:
        fresh = self.get_queryset().get(pk=agreement.pk)
        return Response(self.get_serializer(fresh).data, status=code)


class FundingApplicationViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    RoomRecordViewSet[FundingApplication],
):
    queryset = FundingApplication.objects.select_related(
        "room", "funder", "document"
    ).prefetch_related("reporting_dates")
    serializer_class = FundingApplicationSerializer
    policy = {
        "retrieve": "brokering.view_fundingapplication",
        "create": "brokering.add_fundingapplication",
        "update": "brokering.change_fundingapplication",
        "partial_update": "brokering.change_fundingapplication",
        "add_reporting_date": "brokering.change_fundingapplication",
    }

    @extend_schema(
        request=ReportingDateSerializer, responses={201: FundingApplicationSerializer}
    )
    @action(detail=True, methods=["post"], url_path="reporting-dates")
    def add_reporting_date(self, request: Request, uuid: str) -> Response:
        """Add a report the funder asks for by a date; it becomes a deadline."""
        application = self.get_object()
        form = ReportingDateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        services.add_reporting_date(
            application, due_on=data["due_on"], subject=data["subject"]
        )
        fresh = self.get_queryset().get(pk=application.pk)
        return Response(self.get_serializer(fresh).data, status=201)
