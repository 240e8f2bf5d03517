"""Development's permissions and scopes, in terms of the one policy in `access`.

The room's staff and the board change everything; those who read the books read
along; volunteers see the learning plan and the trainings they can join; partners
see findings, learning plans and trainings of their rooms, but never a named
person: no evaluator, no owner of an action, no participant."""

from typing import Any

import rules

from buurtwerkkamer.access import policy as p
from buurtwerkkamer.core.registry import register_scope

from .models import Evaluation, FollowUp, LearningPlan, Training, TrainingParticipant


@rules.predicate
def in_any_room(user: Any) -> bool:
    roles = p.roles_of(user)
    return bool(roles.rooms or roles.partner_rooms)


editor = p.is_board | p.staff_of_room
reader = p.reads_finance | p.staff_of_room | p.partner_of_room
member_reader = reader | p.member_of_room

PERMISSIONS = {
    "development.view_index": p.reads_finance | in_any_room,
    "development.view_room": member_reader,
    "development.view_evaluation": reader,
    "development.add_evaluation": editor,
    "development.change_evaluation": editor,
    "development.view_learningplan": member_reader,
    "development.add_learningplan": editor,
    "development.change_learningplan": editor,
    "development.view_training": member_reader,
    "development.add_training": editor,
    "development.change_training": editor,
    # Named persons: evaluators, owners of actions, participants.
    "development.view_names": editor,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
    register_scope(Evaluation, p.rooms_q)
    register_scope(LearningPlan, p.rooms_q)
    register_scope(Training, p.rooms_q)
    register_scope(FollowUp, lambda user: p.rooms_q(user, "evaluation__room"))
    register_scope(TrainingParticipant, lambda user: p.rooms_q(user, "training__room"))
