"""How result obligations, investments and amendments read in the API; the
realised value of each obligation is measured once for the whole page."""

from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from buurtwerkkamer.brokering.models import (
    Amendment,
    PartnershipInvestment,
    ResultObligation,
)
from buurtwerkkamer.brokering.queries import Measured, measure

CENT = Decimal("0.01")
INVESTMENTS = Prefetch(
    "parties__investments",
    PartnershipInvestment.objects.select_related("party__organisation"),
)


class ObligationSerializer(serializers.ModelSerializer[ResultObligation]):
    """A result obligation with what was realised so far and whether that is on
    track: the target pro rata for the part of the period that has passed."""

    agreement: serializers.RelatedField = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    realised = serializers.SerializerMethodField(
        help_text=_("Computed up to today, or the latest value entered; null if none.")
    )
    expected = serializers.SerializerMethodField(
        help_text=_("The share of the target that is due by now.")
    )
    on_track = serializers.SerializerMethodField(
        help_text=_("Null before the period starts or while nothing is realised.")
    )

    class Meta:
        model = ResultObligation
        fields = [
            "uuid",
            "agreement",
            "indicator",
            "computed",
            "description",
            "target",
            "unit",
            "period_start",
            "period_end",
            "realised",
            "expected",
            "on_track",
        ]
        read_only_fields = fields

    def measured(self, obligation: ResultObligation) -> Measured | None:
        return self.context.get("measured", {}).get(obligation.pk)

    def get_realised(self, obligation: ResultObligation) -> str | None:
        found = self.measured(obligation)
        if found is None or found.realised is None:
            return None
        return str(found.realised.quantize(CENT))

    def get_expected(self, obligation: ResultObligation) -> str | None:
        found = self.measured(obligation)
        return None if found is None else str(found.expected)

    def get_on_track(self, obligation: ResultObligation) -> bool | None:
        found = self.measured(obligation)
        return None if found is None else found.on_track


class InvestmentSerializer(serializers.ModelSerializer[PartnershipInvestment]):
    organisation: serializers.RelatedField = serializers.SlugRelatedField(
        source="party.organisation", slug_field="slug", read_only=True
    )

    class Meta:
        model = PartnershipInvestment
        fields = ["uuid", "organisation", "year", "amount", "in_kind"]
        read_only_fields = fields


class AmendmentSerializer(serializers.ModelSerializer[Amendment]):
    class Meta:
        model = Amendment
        fields = ["amended_on", "changes"]
        read_only_fields = fields


class ObligationInputSerializer(serializers.Serializer):
    indicator = serializers.CharField(
        max_length=100,
        help_text=_("The code of a computed indicator, or a name to enter by hand."),
    )
    computed = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("True: the indicator must be a known computed one."),
    )
    description = serializers.CharField(max_length=300, required=False, default="")
    target = serializers.DecimalField(max_digits=12, decimal_places=2)
    unit = serializers.CharField(max_length=60, required=False, default="")
    period_start = serializers.DateField(required=False, allow_null=True, default=None)
    period_end = serializers.DateField(required=False, allow_null=True, default=None)


class InvestmentInputSerializer(serializers.Serializer):
    organisation = serializers.SlugField(
        help_text=_("The slug of the party's organisation.")
    )
    year = serializers.IntegerField()
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True, default=None
    )
    in_kind = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


class CommitmentInputSerializer(serializers.Serializer):
    organisation = serializers.SlugField(
        help_text=_("The slug of the party's organisation.")
    )
    commitment_amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True
    )
    commitment_in_kind = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


class AmendmentInputSerializer(serializers.Serializer):
    amended_on = serializers.DateField()
    changes = serializers.CharField()


class ValueInputSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=12, decimal_places=2)
    as_of = serializers.DateField()
    note = serializers.CharField(
        help_text=_("The evidence: where the figure comes from.")
    )


def measured_context(
    obligations: list[ResultObligation], today: date
) -> dict[int, Measured]:
    return {item.obligation.pk: item for item in measure(obligations, today)}
