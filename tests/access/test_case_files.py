"""Case files (DESIGN.md section 2) for every model an app registered as one
(`access.case_files.register_case_file`): the scope is `case_files_q`, every
page that opens one logs the read with its reader, and the URL walk samples
each. A case-file model added later is checked here without a change."""

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.db.models import Model
from django.http import Http404

from buurtwerkkamer.access.case_files import case_file_models
from tests.mediation.factories import MediationSessionFactory
from tests.personas import World
from tests.placements.factories import SelectionInterviewFactory, SignalContactFactory

from .test_every_url import fill, project_views, samples

# Roles that never see a case file, wherever it is.
OUTSIDERS = ["treasurer", "audit_committee", "accountant", "volunteer", "partner"]


def case_files_in(world: World, room: Any) -> dict[str, str]:
    """The URL walk's samples, and the parts of case files it has no page for."""
    values = samples(world, room)
    SelectionInterviewFactory(candidate__room=room)
    SignalContactFactory(signal__placement__candidate__room=room)
    MediationSessionFactory(case__room=room)
    return values


def case_files_visible_to(user: Any) -> dict[str, int]:
    return {
        model._meta.label: model.objects.visible_to(user).filter(where).count()
        for model, where in case_file_models()
    }


def test_the_case_files_of_design_section_2_are_registered() -> None:
    labels = {model._meta.label for model, _where in case_file_models()}

    assert {
        "teamwork.Breach",
        "placements.Candidate",
        "placements.Placement",
        "placements.Signal",
        "mediation.MediationCase",
        "mediation.Exclusion",
        "employer.Contract",
    } <= labels


def test_every_case_file_model_has_its_changes_and_reads_logged() -> None:
    tracked = {
        entry if isinstance(entry, str) else entry["model"]
        for entry in settings.AUDITLOG_INCLUDE_TRACKING_MODELS
    }
    labels = {model._meta.label for model, _where in case_file_models()}

    assert labels - tracked == set()


def test_the_board_sees_every_case_file(world: World) -> None:
    case_files_in(world, world.room)
    case_files_in(world, world.other_room)

    seen = case_files_visible_to(world.users["board"])

    assert all(count >= 2 for count in seen.values()), seen


@pytest.mark.parametrize("role", ["team_coordinator", "project_coach"])
def test_the_rooms_staff_see_the_case_files_of_their_room_only(
    world: World, role: str
) -> None:
    case_files_in(world, world.room)
    case_files_in(world, world.other_room)
    user = world.users[role]

    rooms = {
        model._meta.label: set(
            model.objects.visible_to(user)
            .filter(where)
            .values_list(_room_path(model), flat=True)
        )
        for model, where in case_file_models()
    }

    assert all(found == {world.room.pk} for found in rooms.values()), rooms


@pytest.mark.parametrize("role", [*OUTSIDERS, "nobody"])
def test_roles_without_need_to_know_see_no_case_file(world: World, role: str) -> None:
    case_files_in(world, world.room)

    seen = case_files_visible_to(world.users[role])

    assert set(seen.values()) == {0}, seen


def test_a_coordinator_of_another_room_sees_none_of_its_case_files(
    world: World,
) -> None:
    case_files_in(world, world.other_room)

    seen = case_files_visible_to(world.users["team_coordinator"])

    assert set(seen.values()) == {0}, seen


def case_file_pages(world: World, values: dict[str, str]) -> list[tuple[str, Model]]:
    """Every page whose URL points at a case file, with that case file."""
    registered = case_file_models()
    pages = []
    for _name, pattern, view in project_views():
        guard = getattr(view, "guard", None)
        if guard is None or guard.load is None:
            continue
        url, kwargs = fill(pattern, values)
        try:
            target = guard.target(world.users["board"], **kwargs)
        except Http404:
            continue  # another user's own (a job, a token): no case file
        for model, where in registered:
            if (
                isinstance(target, model)
                and model.objects.filter(where, pk=target.pk).exists()
            ):
                pages.append((url, target))
    return pages


def test_the_url_walk_samples_every_case_file_with_a_page(world: World) -> None:
    values = case_files_in(world, world.room)

    found = {
        type(target)._meta.label for _url, target in case_file_pages(world, values)
    }

    with_pages = {
        model._meta.label
        for model, _where in case_file_models()
        if hasattr(model, "get_absolute_url")
    }
    assert with_pages - found == set()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_every_case_file_page_answers_404_to_roles_without_need_to_know(
    client, world: World, role: str
) -> None:
    values = case_files_in(world, world.room)
    client.force_login(world.users[role])

    answers = {
        url: client.get(url).status_code for url, _t in case_file_pages(world, values)
    }

    assert answers and set(answers.values()) == {404}, answers


def test_opening_a_case_file_logs_one_read_with_its_reader(
    client, world: World
) -> None:
    values = case_files_in(world, world.room)
    reader = world.users["team_coordinator"]
    client.force_login(reader)
    logged = {}

    for url, target in case_file_pages(world, values):
        # The case file's own page; the forms beside it are its owner's call.
        if url != target.get_absolute_url():  # type: ignore[attr-defined]
            continue
        before = _reads(target, reader)
        assert client.get(url).status_code == 200, url
        logged[type(target)._meta.label] = _reads(target, reader) - before

    assert len(logged) >= 6 and set(logged.values()) == {1}, logged


def _reads(target: Model, actor: Any) -> int:
    return (
        LogEntry.objects.get_for_object(target)
        .filter(action=LogEntry.Action.ACCESS, actor=actor)
        .count()
    )


def _room_path(model: type[Model]) -> str:
    """The lookup from a case file to its room: its own, or that of the case
    file it belongs to (a signal's placement, a session's case)."""
    names = {field.name: field for field in model._meta.get_fields()}
    for own in ("room", "rooms"):
        if own in names:
            return own
    parents = {parent for parent, _where in case_file_models()}
    for field in model._meta.get_fields():
        if field.many_to_one and field.related_model in parents:
            return f"{field.name}__{_room_path(field.related_model)}"
    raise AssertionError(f"{model._meta.label} leads to no room")
