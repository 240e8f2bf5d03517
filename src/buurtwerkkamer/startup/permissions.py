import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .models import ChecklistItem, Location, StageChange, Talk

PERMISSIONS = {
    "startup.view_track": p.reads_all | p.staff_of_room,
    "startup.manage_track": p.manage_room,
    "startup.tick_checklist": p.manage_room | p.coordinates_room,
    "startup.advance_stage": p.manage_room,
    "startup.override_gate": p.is_board,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    for model in (Talk, Location, ChecklistItem, StageChange):
        register_scope(model, p.rooms_q)
