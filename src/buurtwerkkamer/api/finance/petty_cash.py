"""Petty cash: the treasurer's transfers under the monthly cap, and the team's
expenses with their receipts, refunds and the treasurer's check."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.finance import services
from buurtwerkkamer.finance.constants import (
    ExpenseCategory,
    ExpenseStatus,
    TransferStatus,
)
from buurtwerkkamer.finance.models import Expense, Transfer
from buurtwerkkamer.rooms.models import Room

from ..base import ROOM_FILTER, ScopedSlugField
from ..schema import EnumChoiceField
from .common import MONEY, UUID_OF, FinanceViewSet, MonthField, by_month, read_filters

VIEW = "finance.view_room_finance"


class TransferSerializer(serializers.ModelSerializer[Transfer]):
    room: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    status = EnumChoiceField(TransferStatus, read_only=True)
    approved_by = serializers.CharField(source="approved_by.name", read_only=True)
    batch = serializers.CharField(
        source="batch.message_id",
        read_only=True,
        allow_null=True,
        help_text=_("The message id of the payment batch that pays it."),
    )

    class Meta:
        model = Transfer
        fields = [
            "uuid",
            "room",
            "month",
            "amount",
            "status",
            "creditor_name",
            "creditor_iban",
            "end_to_end_id",
            "approved_by",
            "batch",
            "created_at",
        ]
        read_only_fields = fields


class TransferInput(serializers.Serializer):
    room = ScopedSlugField(slug_field="slug", queryset=Room.objects.all())
    month = MonthField()
    amount = serializers.DecimalField(**MONEY)


class MonthFilter(serializers.Serializer):
    month = MonthField(required=False)


class TransferViewSet(FinanceViewSet[Transfer]):
    queryset = Transfer.objects.select_related("room", "approved_by", "batch")
    serializer_class = TransferSerializer
    policy = {"retrieve": VIEW, "create": "finance.approve_transfer"}

    @extend_schema(parameters=[ROOM_FILTER, MonthFilter])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[Transfer]) -> QuerySet[Transfer]:
        queryset = super().filter_list(queryset)
        filters = read_filters(MonthFilter, self.request.query_params)
        return queryset.filter(month=filters["month"]) if filters else queryset

    @extend_schema(request=TransferInput, responses={201: TransferSerializer})
    def create(self, request: Request) -> Response:
        """Approve petty cash for a room and month, to its business account. The
        month's transfers never add up to more than the room's allowance."""
        data = self.checked_input(TransferInput)
        transfer = services.approve_transfer(
            data["room"], data["month"], data["amount"], request.user
        )
        return self.answer(transfer)


class ExpenseSerializer(serializers.ModelSerializer[Expense]):
    room: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    category = EnumChoiceField(ExpenseCategory, read_only=True)
    status = EnumChoiceField(ExpenseStatus, read_only=True)
    receipt: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    refund_of: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    recorded_by = serializers.CharField(source="recorded_by.name", read_only=True)
    checked_by = serializers.CharField(
        source="checked_by.name", read_only=True, allow_null=True
    )

    class Meta:
        model = Expense
        fields = [
            "uuid",
            "room",
            "spent_on",
            "amount",
            "description",
            "category",
            "receipt",
            "refund_of",
            "reason",
            "status",
            "recorded_by",
            "checked_by",
            "checked_at",
            "remark",
            "created_at",
        ]
        read_only_fields = fields


class ExpenseInput(serializers.Serializer):
    room = ScopedSlugField(slug_field="slug", queryset=Room.objects.all())
    spent_on = serializers.DateField()
    amount = serializers.DecimalField(**MONEY)
    description = serializers.CharField(max_length=200)
    category = EnumChoiceField(ExpenseCategory)
    receipt = serializers.FileField(help_text=_("A photo or a PDF of the receipt."))


class RefundInput(serializers.Serializer):
    amount = serializers.DecimalField(**MONEY)
    reason = serializers.CharField()


class CheckInput(serializers.Serializer):
    approve = serializers.BooleanField(
        help_text=_("True: in order. False: queried, with a remark.")
    )
    remark = serializers.CharField(required=False, allow_blank=True, default="")


class ExpenseFilter(serializers.Serializer):
    month = MonthField(required=False)
    category = EnumChoiceField(ExpenseCategory, required=False)
    status = EnumChoiceField(ExpenseStatus, required=False)


class ExpenseViewSet(FinanceViewSet[Expense]):
    queryset = Expense.objects.select_related(
        "room", "receipt", "refund_of", "recorded_by", "checked_by"
    )
    serializer_class = ExpenseSerializer
    policy = {
        "retrieve": VIEW,
        "create": "finance.add_expense",
        "refund": "finance.add_expense",
        "check_expense": "finance.check_expense",
    }

    @extend_schema(parameters=[ROOM_FILTER, ExpenseFilter])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(self, queryset: QuerySet[Expense]) -> QuerySet[Expense]:
        queryset = super().filter_list(queryset)
        filters = read_filters(ExpenseFilter, self.request.query_params)
        month = filters.pop("month", None)
        if month is not None:
            queryset = by_month(queryset, "spent_on", month)
        return queryset.filter(**filters)

    @extend_schema(
        request={"multipart/form-data": ExpenseInput},
        responses={201: ExpenseSerializer},
    )
    def create(self, request: Request) -> Response:
        """Record what was spent from petty cash, with its receipt (multipart).
        Refused: a date in the future or in a closed month, an amount of zero or
        less or above the cash left, and a receipt handed in before."""
        data = self.checked_input(ExpenseInput)
        room = data.pop("room")
        expense = services.record_expense(
            room, request.user, **data, today=timezone.localdate()
        )
        return self.answer(expense)

    @extend_schema(request=RefundInput, responses={201: ExpenseSerializer})
    @action(detail=True, methods=["post"])
    def refund(self, request: Request, uuid: str) -> Response:
        """Record money that came back: a new entry today, pointing to this
        expense, which stays as it was."""
        expense = self.get_object()
        form = RefundInput(data=request.data)
        form.is_valid(raise_exception=True)
        refund = services.record_refund(
            expense, request.user, **form.validated_data, today=timezone.localdate()
        )
        return self.answer(refund)

    @extend_schema(request=CheckInput, responses=ExpenseSerializer)
    @action(detail=True, methods=["post"], url_path="check", url_name="check")
    def check_expense(self, request: Request, uuid: str) -> Response:
        """The treasurer's check: in order, or queried with a remark."""
        expense = self.get_object()
        form = CheckInput(data=request.data)
        form.is_valid(raise_exception=True)
        services.check_expense(expense, request.user, **form.validated_data)
        return self.answer(expense, status.HTTP_200_OK)
