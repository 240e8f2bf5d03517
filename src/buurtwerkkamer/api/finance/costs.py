"""Budgets per room and year with their lines, and the fixed costs the cooperative
pays centrally. A fixed cost is booked and corrected, never changed or deleted."""

from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.access.policy import rooms_q
from buurtwerkkamer.brokering.models import FundingApplication
from buurtwerkkamer.finance import costs
from buurtwerkkamer.finance.constants import BUDGET_CATEGORIES, FixedCostCategory
from buurtwerkkamer.finance.models import Budget, BudgetLine, FixedCost
from buurtwerkkamer.rooms.models import Room

from ..base import ROOM_FILTER, ScopedSlugField
from ..schema import EnumChoiceField
from .common import (
    MONEY,
    UUID_OF,
    FinanceViewSet,
    MonthField,
    NamedChoiceField,
    by_month,
    read_filters,
)

VIEW = "finance.view_room_finance"
LINES = Prefetch("lines", BudgetLine.objects.select_related("funding_source__funder"))


class BudgetLineSerializer(serializers.ModelSerializer[BudgetLine]):
    category = NamedChoiceField("BudgetCategory", BUDGET_CATEGORIES, read_only=True)
    funding_source: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    funder = serializers.CharField(
        source="funding_source.funder.slug",
        read_only=True,
        allow_null=True,
        help_text=_("The slug of the funder; empty for the cooperative's own means."),
    )

    class Meta:
        model = BudgetLine
        fields = ["uuid", "category", "amount", "funding_source", "funder"]
        read_only_fields = fields


class BudgetSerializer(serializers.ModelSerializer[Budget]):
    room: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    lines = BudgetLineSerializer(many=True, read_only=True)

    class Meta:
        model = Budget
        fields = ["uuid", "room", "year", "lines", "created_at", "updated_at"]
        read_only_fields = fields


class BudgetLineInput(serializers.Serializer):
    room = ScopedSlugField(slug_field="slug", queryset=Room.objects.all())
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    category = NamedChoiceField("BudgetCategory", BUDGET_CATEGORIES)
    amount = serializers.DecimalField(**MONEY)
    funding_source = ScopedSlugField(
        slug_field="uuid",
        queryset=FundingApplication.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The funding application that pays it; empty for own means."),
    )


class BudgetFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class BudgetViewSet(FinanceViewSet[Budget]):
    queryset = Budget.objects.select_related("room").prefetch_related(LINES)
    serializer_class = BudgetSerializer
    policy = {"retrieve": VIEW, "save_line": "finance.change_budget"}

    def scope(self, queryset: QuerySet[Budget]) -> QuerySet[Budget]:
        # The finance app registers no scope for budgets; theirs is the room's,
        # as for every other record of a room.
        return queryset.filter(rooms_q(self.request.user))

    @extend_schema(parameters=[ROOM_FILTER, BudgetFilter])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[Budget]) -> QuerySet[Budget]:
        queryset = super().filter_list(queryset)
        return queryset.filter(**read_filters(BudgetFilter, self.request.query_params))

    @extend_schema(request=BudgetLineInput, responses={201: BudgetSerializer})
    @action(detail=False, methods=["post"], url_path="lines")
    def save_line(self, request: Request) -> Response:
        """Set what a category may cost in a room's year, from one funding source.
        The budget is made on first use; the same category and source again
        changes the line's amount."""
        self.check_parent()
        data = self.checked_input(BudgetLineInput)
        line = costs.save_budget_line(
            data["room"],
            data["year"],
            category=data["category"],
            amount=data["amount"],
            funding_source=data.get("funding_source"),
        )
        return self.answer(line.budget)


class FixedCostSerializer(serializers.ModelSerializer[FixedCost]):
    room: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    category = EnumChoiceField(FixedCostCategory, read_only=True)
    document: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    correction_of: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    corrected_by = serializers.SerializerMethodField(
        help_text=_("The correction that replaced this entry; it counts no more.")
    )
    booked_by = serializers.CharField(source="booked_by.name", read_only=True)

    class Meta:
        model = FixedCost
        fields = [
            "uuid",
            "room",
            "month",
            "category",
            "supplier",
            "invoice_reference",
            "description",
            "amount",
            "document",
            "contract_reference",
            "correction_of",
            "corrected_by",
            "reason",
            "booked_by",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "uuid", "nullable": True})
    def get_corrected_by(self, cost: FixedCost) -> Any:
        return getattr(cost, "corrected_by", None)


class FixedCostInput(serializers.Serializer):
    room = ScopedSlugField(slug_field="slug", queryset=Room.objects.all())
    month = MonthField()
    category = EnumChoiceField(FixedCostCategory)
    supplier = serializers.CharField(max_length=120)
    invoice_reference = serializers.CharField(max_length=60)
    amount = serializers.DecimalField(**MONEY)
    description = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    contract_reference = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    document = serializers.FileField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The invoice as PDF, JPEG or PNG (multipart)."),
    )


class CorrectionInput(serializers.Serializer):
    amount = serializers.DecimalField(
        **MONEY, help_text=_("The right amount; zero undoes the booking.")
    )
    reason = serializers.CharField()


class FixedCostFilter(serializers.Serializer):
    month = MonthField(required=False)
    category = EnumChoiceField(FixedCostCategory, required=False)


class FixedCostViewSet(FinanceViewSet[FixedCost]):
    queryset = FixedCost.objects.select_related(
        "room", "document", "correction_of", "booked_by"
    ).annotate(
        corrected_by=Subquery(
            FixedCost.objects.filter(correction_of=OuterRef("pk")).values("uuid")[:1]
        )
    )
    serializer_class = FixedCostSerializer
    policy = {
        "retrieve": VIEW,
        "create": "finance.book_fixed_cost",
        "correct": "finance.book_fixed_cost",
    }

    @extend_schema(parameters=[ROOM_FILTER, FixedCostFilter])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[FixedCost]) -> QuerySet[FixedCost]:
        queryset = super().filter_list(queryset)
        filters = read_filters(FixedCostFilter, self.request.query_params)
        if "month" in filters:
            queryset = by_month(queryset, "month", filters["month"])
        if "category" in filters:
            queryset = queryset.filter(category=filters["category"])
        return queryset

    @extend_schema(
        request={
            "application/json": FixedCostInput,
            "multipart/form-data": FixedCostInput,
        },
        responses={201: FixedCostSerializer},
    )
    def create(self, request: Request) -> Response:
        """Book a supplier's invoice for a room and month, with the invoice as a
        file if sent as multipart. A closed month, an amount of zero or less and
        an invoice booked before are refused."""
        data = self.checked_input(FixedCostInput)
        room = data.pop("room")
        cost = costs.book_fixed_cost(room, request.user, **data)
        return self.answer(cost)

    @extend_schema(request=CorrectionInput, responses={201: FixedCostSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request: Request, uuid: str) -> Response:
        """Book a correction: a new entry with the right amount in an open month,
        pointing to this one, which stays as it was."""
        cost = self.get_object()
        form = CorrectionInput(data=request.data)
        form.is_valid(raise_exception=True)
        correction = costs.correct_fixed_cost(
            cost,
            form.validated_data["amount"],
            form.validated_data["reason"],
            request.user,
        )
        return self.answer(correction)
