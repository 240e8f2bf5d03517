"""Bank transactions of the rooms' business accounts and of the cooperative's own
account, and matching them by hand to a transfer, an expense or a fixed cost."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.finance import banking
from buurtwerkkamer.finance.models import BankTransaction, Expense, FixedCost, Transfer
from buurtwerkkamer.finance.models.bank import UNMATCHED as NOT_MATCHED

from ..base import ROOM_FILTER, ScopedSlugField
from ..permissions import rooms_where
from .common import UUID_OF, FinanceViewSet, read_filters

VIEW = "finance.view_room_bank"
MATCH = "finance.match_transaction"
UNMATCHED = OpenApiParameter(
    "unmatched", bool, description=_("Only the transactions not matched yet.")
)


class BankTransactionSerializer(serializers.ModelSerializer[BankTransaction]):
    statement: serializers.RelatedField = serializers.SlugRelatedField(**UUID_OF)
    room: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("Empty for the cooperative's own account."),
    )
    transfer: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    expense: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    fixed_cost: serializers.RelatedField = serializers.SlugRelatedField(
        **UUID_OF, allow_null=True
    )
    matched_by = serializers.CharField(
        source="matched_by.name",
        read_only=True,
        allow_null=True,
        help_text=_("Who matched it by hand; empty when the importer did."),
    )

    class Meta:
        model = BankTransaction
        fields = [
            "uuid",
            "statement",
            "room",
            "account_iban",
            "booking_date",
            "amount",
            "bank_reference",
            "end_to_end_id",
            "counterparty_name",
            "counterparty_iban",
            "remittance",
            "transfer",
            "expense",
            "fixed_cost",
            "matched_by",
            "matched_at",
        ]
        read_only_fields = fields


class MatchInput(serializers.Serializer):
    transfer = ScopedSlugField(
        slug_field="uuid",
        queryset=Transfer.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    expense = ScopedSlugField(
        slug_field="uuid",
        queryset=Expense.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    fixed_cost = ScopedSlugField(
        slug_field="uuid",
        queryset=FixedCost.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )


class BankTransactionFilter(serializers.Serializer):
    statement = serializers.UUIDField(
        required=False, help_text=_("Only the transactions of this statement.")
    )
    unmatched = serializers.BooleanField(required=False, default=False)


class BankTransactionViewSet(FinanceViewSet[BankTransaction]):
    queryset = BankTransaction.objects.select_related(
        "statement", "room", "transfer", "expense", "fixed_cost", "matched_by"
    )
    serializer_class = BankTransactionSerializer
    policy = {"retrieve": VIEW, "match": MATCH, "unmatch": MATCH}

    @extend_schema(
        parameters=[
            ROOM_FILTER,
            OpenApiParameter(
                "statement", str, description=_("The UUID of a bank statement.")
            ),
            UNMATCHED,
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(
        self, queryset: QuerySet[BankTransaction]
    ) -> QuerySet[BankTransaction]:
        queryset = super().filter_list(queryset)
        filters = read_filters(BankTransactionFilter, self.request.query_params)
        if "statement" in filters:
            queryset = queryset.filter(statement__uuid=filters["statement"])
        if filters.get("unmatched"):
            queryset = queryset.filter(**NOT_MATCHED)
        return queryset

    def narrow(self, queryset: QuerySet[BankTransaction]) -> QuerySet[BankTransaction]:
        # The cooperative's own account belongs to no room; its transactions are
        # in the scope of those who read all finance only.
        allowed = rooms_where(self.request.user, VIEW)
        return queryset.filter(Q(room__in=allowed) | Q(room__isnull=True))

    @extend_schema(request=MatchInput, responses=BankTransactionSerializer)
    @action(detail=True, methods=["post"])
    def match(self, request: Request, uuid: str) -> Response:
        """Match the transaction by hand to one transfer, expense or fixed cost
        (by UUID). The amount may differ; the room and the direction may not."""
        row = self.get_object()
        form = MatchInput(data=request.data, context=self.get_serializer_context())
        form.is_valid(raise_exception=True)
        banking.match_by_hand(row, request.user, **form.validated_data)
        return self.answer(row, status.HTTP_200_OK)

    @extend_schema(request=None, responses=BankTransactionSerializer)
    @action(detail=True, methods=["post"])
    def unmatch(self, request: Request, uuid: str) -> Response:
        """Undo a match, made by hand or by the importer, so it can be made again."""
        row = banking.unmatch(self.get_object(), request.user)
        return self.answer(row, status.HTTP_200_OK)
