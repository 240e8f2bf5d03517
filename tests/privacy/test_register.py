"""The register of processing is read from the declarations, and a model that
holds personal data without one fails here, so the register cannot drift from
the code."""

import csv
import datetime
import io
import re

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from buurtwerkkamer.people.privacy import declarations
from buurtwerkkamer.privacy.declarations import NOT_PERSONAL
from buurtwerkkamer.privacy.register import processing
from tests.personas import World

PERSONAL_NAMES = re.compile(r"name|e_?mail|phone|notes|bsn|contact_person")
DAY = datetime.date(2026, 1, 1)
PEOPLE = {"people.Person", "accounts.User"}


def looks_personal(model: type) -> list[str]:
    found = []
    for field in model._meta.get_fields():  # type: ignore[attr-defined]
        if field.auto_created and not field.concrete:
            continue
        related = getattr(field, "related_model", None)
        if related is not None and related._meta.label in PEOPLE:
            found.append(field.name)
        elif PERSONAL_NAMES.search(field.name):
            found.append(field.name)
    return found


def test_every_model_with_personal_data_is_declared() -> None:
    declared = {model._meta.label for model, _d in declarations()}
    ours = [
        model
        for model in apps.get_models()
        if model.__module__.startswith("buurtwerkkamer.")
    ]

    undeclared = {
        model._meta.label: looks_personal(model)
        for model in ours
        if looks_personal(model)
        and model._meta.label not in declared
        and model._meta.label not in NOT_PERSONAL
    }

    assert undeclared == {}


def test_every_declared_field_and_lookup_exists(db) -> None:
    for model, declaration in declarations():
        for name in declaration.fields:
            model._meta.get_field(name)
        lookups = [*declaration.subject, *declaration.users]
        if declaration.until:
            lookups.append(declaration.until)
        for lookup in lookups:
            model._default_manager.filter(**{f"{lookup}__isnull": True}).exists()
        if declaration.open:
            model._default_manager.filter(declaration.open(DAY)).exists()


def test_every_declaration_has_a_retention_period() -> None:
    kinds = {declaration.retention for _model, declaration in declarations()}

    assert kinds - set(settings.BWK_RETENTION) == set()


def test_the_board_reads_the_register_with_a_line_per_declared_model(
    client, world: World
) -> None:
    client.force_login(world.users["board"])

    response = client.get(reverse("privacy:register"))

    assert len(response.context["rows"]) == len(declarations())
    assert any(row.record and row.about_people for row in response.context["rows"])


def test_the_register_downloads_as_csv_with_every_line(client, world: World) -> None:
    client.force_login(world.users["board"])

    response = client.get(reverse("privacy:register_download"), {"format": "csv"})

    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(lines) == 1 + len(processing())


def test_the_register_downloads_as_xlsx(client, world: World) -> None:
    client.force_login(world.users["board"])

    response = client.get(reverse("privacy:register_download"), {"format": "xlsx"})

    assert response.content[:2] == b"PK"


def test_only_the_board_reads_the_register(client, world: World) -> None:
    client.force_login(world.users["treasurer"])

    response = client.get(reverse("privacy:register"))

    assert response.status_code == 403
