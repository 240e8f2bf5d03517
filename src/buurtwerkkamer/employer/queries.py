"""Reads of the employer pages: the records a URL points at, from what the user
may see, and the lists in a fixed number of queries."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from buurtwerkkamer.rooms.models import Room

from .models import (
    Applicant,
    Contract,
    ContractEvaluation,
    StaffVacancy,
)

ROOMS = Prefetch("rooms", Room.objects.only("pk", "name", "slug"))


def contracts(queryset: QuerySet[Contract]) -> QuerySet[Contract]:
    return queryset.select_related("person").prefetch_related(ROOMS)


def contract_for(user: Any, contract: str) -> Contract:
    return get_object_or_404(
        contracts(Contract.objects.visible_to(user)).select_related(
            "document", "previous"
        ),
        uuid=contract,
    )


def evaluation_for(user: Any, contractevaluation: str) -> ContractEvaluation:
    return get_object_or_404(
        ContractEvaluation.objects.visible_to(user)
        .select_related("contract__person")
        .prefetch_related(Prefetch("contract__rooms", Room.objects.only("pk"))),
        uuid=contractevaluation,
    )


def vacancy_for(user: Any, vacancy: str) -> StaffVacancy:
    return get_object_or_404(
        StaffVacancy.objects.visible_to(user).select_related("room"), uuid=vacancy
    )


def applicant_for(user: Any, applicant: str) -> Applicant:
    return get_object_or_404(
        Applicant.objects.visible_to(user).select_related("vacancy__room", "contract"),
        uuid=applicant,
    )
