"""Whether rooms are ready for their next gate, for many rooms in one query."""

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, When

from buurtwerkkamer.brokering.constants import GRANTED, AgreementKind, AgreementStatus
from buurtwerkkamer.brokering.models import Agreement, FundingApplication
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .constants import LocationStatus
from .models import ChecklistItem, Location


def _agreements(kind: str, **filters: object) -> Exists:
    return Exists(Agreement.objects.filter(room=OuterRef("pk"), kind=kind, **filters))


def with_next_gate_ready(rooms: QuerySet[Room]) -> QuerySet[Room]:
    """Annotate `next_gate_ready`: the evidence for the room's next stage is there.
    The same conditions as `services.missing_evidence`, as SQL."""
    signed = AgreementStatus.SIGNED
    intent = _agreements(AgreementKind.LETTER_OF_INTENT, status=signed)
    chosen = Exists(
        Location.objects.filter(room=OuterRef("pk"), status=LocationStatus.CHOSEN)
    )
    granted = Exists(
        FundingApplication.objects.filter(room=OuterRef("pk"), status__in=GRANTED)
    )
    cooperation = _agreements(AgreementKind.COOPERATION) & ~Exists(
        Agreement.objects.filter(
            room=OuterRef("pk"), kind=AgreementKind.COOPERATION
        ).exclude(status=signed)
    )
    items = ChecklistItem.objects.filter(room=OuterRef("pk"))
    checklist = Exists(items) & ~Exists(items.filter(done_on__isnull=True))
    return rooms.annotate(
        next_gate_ready=Case(
            When(Q(stage=Stage.EXPLORING) & intent, then=True),
            When(Q(stage=Stage.INTENT_SIGNED) & chosen, then=True),
            When(Q(stage=Stage.LOCATION_FOUND) & granted, then=True),
            When(Q(stage=Stage.FUNDED) & cooperation, then=True),
            When(Q(stage=Stage.AGREEMENTS_SIGNED) & checklist, then=True),
            default=False,
            output_field=BooleanField(),
        )
    )
