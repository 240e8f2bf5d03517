"""Result obligations across the rooms a user may read, each measured against
its target, and the values entered for those that are not computed."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.models import Agreement, ResultObligation
from buurtwerkkamer.brokering.queries import readable_agreements

from ..base import ROOM_FILTER, PolicyViewSet
from .results import ObligationSerializer, ValueInputSerializer, measured_context


class ResultObligationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    PolicyViewSet[ResultObligation],
):
    """Read-only but for entered values: obligations change with their agreement."""

    queryset = ResultObligation.objects.select_related("agreement").order_by(
        "agreement__room__name", "period_start", "indicator"
    )
    serializer_class = ObligationSerializer
    policy = {
        "retrieve": "brokering.view_agreement",
        "values": "brokering.enter_obligation_value",
    }

    def scope(self, queryset: QuerySet[ResultObligation]) -> QuerySet[ResultObligation]:
        user = self.request.user
        agreements = readable_agreements(user, Agreement.objects.visible_to(user))
        return queryset.filter(agreement__in=agreements)

    @extend_schema(parameters=[ROOM_FILTER])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def filter_list(
        self, queryset: QuerySet[ResultObligation]
    ) -> QuerySet[ResultObligation]:
        slug = self.request.query_params.get("room")
        return queryset.filter(agreement__room__slug=slug) if slug else queryset

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        """Measure every obligation answered at once."""
        instance = args[0] if args else None
        if instance is not None:
            many = list(instance) if kwargs.get("many") else [instance]
            context = kwargs.setdefault("context", self.get_serializer_context())
            context["measured"] = measured_context(many, timezone.localdate())
        return super().get_serializer(*args, **kwargs)

    @extend_schema(request=ValueInputSerializer, responses={201: ObligationSerializer})
    @action(detail=True, methods=["post"])
    def values(self, request: Request, uuid: str) -> Response:
        """Enter the realised value of an obligation that is not computed, with
        the evidence in a note."""
        obligation = self.get_object()
        form = ValueInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.enter_value(
            obligation,
            **form.validated_data,
            user=request.user,
            today=timezone.localdate(),
        )
        fresh = self.get_queryset().get(pk=obligation.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)
