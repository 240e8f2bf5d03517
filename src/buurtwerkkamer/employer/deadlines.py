from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.core.registry import Deadline

from .constants import DEADLINE_DAYS
from .models import Contract, ContractEvaluation
from .queries import contracts

# The dashboard shows the soonest few; the calendar feed gets the same.
LIMIT = 50


def _acts_on_contracts(user: Any) -> bool:
    """The board and the room's staff act on contract dates; the treasurer,
    who reads contracts too, does not."""
    roles = p.roles_of(user)
    return Role.BOARD in roles.cooperative or bool(roles.staff_rooms)


def _room(contract: Contract) -> str:
    return ", ".join(room.name for room in contract.rooms.all())


def contract_dates(user: Any, today: date) -> list[Deadline]:
    """Contract ends (unless extended), trial periods that end, and planned
    evaluations not held, for the board and the staff of the rooms served."""
    if not getattr(user, "is_authenticated", False) or not _acts_on_contracts(user):
        return []
    horizon = today + timedelta(days=DEADLINE_DAYS)
    visible = contracts(Contract.objects.visible_to(user))
    found: list[Deadline] = []
    ending = visible.filter(
        ends_on__gte=today, ends_on__lte=horizon, extension__isnull=True
    ).order_by("ends_on")[:LIMIT]
    for contract in ending:
        found.append(
            Deadline(
                due=contract.ends_on,  # type: ignore[arg-type]
                title=_("Contract ends: %(contract)s") % {"contract": contract},
                url=contract.get_absolute_url(),
                room=_room(contract),
                kind="contract",
            )
        )
    trials = visible.filter(trial_ends_on__gte=today, trial_ends_on__lte=horizon)
    for contract in trials.order_by("trial_ends_on")[:LIMIT]:
        found.append(
            Deadline(
                due=contract.trial_ends_on,  # type: ignore[arg-type]
                title=_("Trial period ends: %(contract)s") % {"contract": contract},
                url=contract.get_absolute_url(),
                room=_room(contract),
                kind="contract",
            )
        )
    evaluations = (
        ContractEvaluation.objects.visible_to(user)
        .filter(Q(held_on__isnull=True), due_on__lte=horizon)
        .select_related("contract__person")
        .order_by("due_on")[:LIMIT]
    )
    for evaluation in evaluations:
        found.append(
            Deadline(
                due=evaluation.due_on,
                title=_("Evaluation: %(contract)s") % {"contract": evaluation.contract},
                url=evaluation.get_absolute_url(),
                kind="evaluation",
            )
        )
    return found
