"""Annual reports with their route's steps and their PDF, for those who read
them on the pages. Each step of the route goes through the accountability route
service, which refuses a step out of order or by the wrong people and then
changes nothing; approval stays with the accountant, with their statement."""

from collections.abc import Mapping
from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from buurtwerkkamer.accountability import route
from buurtwerkkamer.accountability.constants import ReportStatus, StepKind
from buurtwerkkamer.accountability.models import AnnualReport, ReportStep
from buurtwerkkamer.accountability.render import pdf_response
from buurtwerkkamer.accounts.models import User

from .base import ROOM_FILTER, GuardedFieldsMixin, PolicyViewSet
from .finance.common import read_filters
from .schema import EnumChoiceField

STEPS = Prefetch("steps", ReportStep.objects.select_related("by"))
# The codes with which the documents service refuses an upload: answered under
# the statement field, the route's own refusals for the whole report.
FILE_REFUSALS = {"too_large", "bad_type", "broken"}


class PdfRenderer(BaseRenderer):
    """Lets a client ask for the PDF by `Accept: application/pdf`; the view
    answers the file itself, so nothing is rendered here."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return data if isinstance(data, bytes) else b""


class StepSerializer(GuardedFieldsMixin, serializers.ModelSerializer[ReportStep]):
    # Who took a step is a named person: left out for partners.
    guarded_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "by": ("accountability.view_names",)
    }

    kind = EnumChoiceField(StepKind, read_only=True)
    by = serializers.CharField(
        source="by.name", read_only=True, help_text=_("The name of who took the step.")
    )

    class Meta:
        model = ReportStep
        fields = ["kind", "by", "at", "remarks"]
        read_only_fields = fields


class AnnualReportSerializer(serializers.ModelSerializer[AnnualReport]):
    room: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("The slug of the room; empty for the cooperation's report."),
    )
    funder: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("The slug of the funder the report is for; empty for all."),
    )
    status = EnumChoiceField(ReportStatus, read_only=True)
    texts = serializers.DictField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_("The team's own text per chapter, by the chapter's code."),
    )
    steps = StepSerializer(many=True, read_only=True)
    pdf_sha256 = serializers.SerializerMethodField(
        help_text=_(
            "The SHA-256 of the PDF kept at the accountant's approval; empty "
            "while the report is open."
        )
    )
    pdf_url = serializers.SerializerMethodField(
        help_text=_(
            "Where to fetch the PDF: the one kept at approval, or for a report "
            "still open, one made from today's data."
        )
    )

    class Meta:
        model = AnnualReport
        fields = [
            "uuid",
            "room",
            "funder",
            "year",
            "status",
            "texts",
            "steps",
            "pdf_sha256",
            "pdf_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_pdf_sha256(self, report: AnnualReport) -> str | None:
        # A draft can have a PDF from the year's job, but the PDF served for it
        # is made anew: only the one kept at approval has a lasting hash.
        if report.frozen and report.pdf is not None:
            return report.pdf.sha256
        return None

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf_url(self, report: AnnualReport) -> str:
        return reverse(
            "api:annualreport-pdf",
            kwargs={"uuid": report.uuid},
            request=self.context.get("request"),
        )


class ReportFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class ReviewInput(serializers.Serializer):
    reviewers = serializers.SlugRelatedField(
        slug_field="email",
        queryset=User.objects.filter(is_active=True),
        many=True,
        help_text=_(
            "The e-mail addresses of the members of the audit committee who "
            "reviewed: at least two, none on the board, you among them."
        ),
    )
    passed = serializers.BooleanField(
        help_text=_("True: on to the accountant. False: back to draft, with remarks.")
    )
    remarks = serializers.CharField(required=False, allow_blank=True, default="")


class ApproveInput(serializers.Serializer):
    statement = serializers.FileField(
        help_text=_("The accountant's statement as PDF, at most 10 MB.")
    )


class AnnualReportViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, PolicyViewSet[AnnualReport]
):
    """The scope is the pages' scope: whoever reads finance sees every report,
    the room's staff their room's, a partner only what is published of their
    rooms."""

    queryset = AnnualReport.objects.select_related(
        "room", "funder", "pdf"
    ).prefetch_related(STEPS)
    serializer_class = AnnualReportSerializer
    policy = {
        "list": "accountability.view_index",
        "retrieve": "accountability.view_report",
        "pdf": "accountability.view_report",
        "submit": "accountability.submit",
        "review": "accountability.review",
        "approve": "accountability.approve",
        "publish": "accountability.publish",
    }

    @extend_schema(parameters=[ROOM_FILTER, ReportFilter])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[AnnualReport]) -> QuerySet[AnnualReport]:
        slug = self.request.query_params.get("room")
        if slug:
            queryset = queryset.filter(room__slug=slug)
        return queryset.filter(**read_filters(ReportFilter, self.request.query_params))

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, PdfRenderer])
    def pdf(self, request: Request, uuid: str) -> HttpResponse | FileResponse:
        """The report as PDF: the one kept at the accountant's approval, or for
        a report still open, made from today's data."""
        return pdf_response(self.get_object())

    @extend_schema(request=None, responses=AnnualReportSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, uuid: str) -> Response:
        """Submit a draft to the audit committee."""
        report = route.submit(self.get_object(), request.user)
        return self.fresh(report)

    @extend_schema(request=ReviewInput, responses=AnnualReportSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request: Request, uuid: str) -> Response:
        """Record the audit committee's review: passed, or sent back to draft
        with remarks."""
        report = self.get_object()
        form = ReviewInput(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        route.review(
            report,
            request.user,
            data["reviewers"],
            passed=data["passed"],
            remarks=data["remarks"],
        )
        return self.fresh(report)

    @extend_schema(request=ApproveInput, responses=AnnualReportSerializer)
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def approve(self, request: Request, uuid: str) -> Response:
        """The accountant's approval with their statement (multipart, field
        `statement`): the figures are kept, the room's year is closed, and the
        PDF is stored with its SHA-256."""
        report = self.get_object()
        form = ApproveInput(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            route.approve(report, request.user, form.validated_data["statement"])
        except DjangoValidationError as error:
            if getattr(error, "code", None) in FILE_REFUSALS:
                raise serializers.ValidationError(
                    {"statement": error.messages}
                ) from error
            raise
        return self.fresh(report)

    @extend_schema(request=None, responses=AnnualReportSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, uuid: str) -> Response:
        """Publish an approved report: the partners of its room read it from
        now on."""
        report = route.publish(self.get_object(), request.user)
        return self.fresh(report)

    def finalize_response(
        self, request: Request, response: Any, *args: Any, **kwargs: Any
    ) -> Response:
        # A client that asked for the PDF and is refused hears why in JSON, as
        # the schema documents every refusal.
        if isinstance(response, Response) and isinstance(
            getattr(request, "accepted_renderer", None), PdfRenderer
        ):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def fresh(self, report: AnnualReport) -> Response:
        record = self.get_queryset().get(pk=report.pk)
        return Response(self.get_serializer(record).data)
