"""A person's rights (AVG articles 15, 17 and 20): their data exported on
request, and erased where the law allows; and retention, which erases what
is past its period every day. All of it follows the declarations of
`people.privacy`, so a new app's records are covered once declared."""

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from auditlog.models import LogEntry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.employer.kinds import months_later
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.people.privacy import (
    ANONYMISED,
    PersonalData,
    about,
    anonymise_person,
    declarations,
    empty_value,
    erase_fields,
)

logger = logging.getLogger(__name__)

# Records that the books need under tax law (art. 52 AWR, seven years): the
# person's name stays on them for as long.
FINANCIAL_KINDS = ("financial", "contract")


def midnight(day: date) -> datetime:
    """The start of a day in the installation's time zone: compares right with a
    date field and a moment field alike (`until` can be either)."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def cutoff(kind: str, today: date) -> date:
    """The day before which records of this kind are past their retention."""
    return months_later(today, -settings.BWK_RETENTION[kind])


@dataclass
class Restrictions:
    """What stands in the way of erasing a person: records still running
    (erasure is refused), and records whose name the books need (the name
    stays until `name_kept_until`)."""

    running: list[str] = field(default_factory=list)
    name_needed_by: list[str] = field(default_factory=list)
    name_kept_until: date | None = None


def _subject_records(person: Person) -> Iterator[tuple[type[Model], PersonalData, Any]]:
    for model, declaration in declarations():
        if declaration.subject and model is not Person:
            records = model._default_manager.filter(about(person, declaration))
            yield model, declaration, records.distinct()


def restrictions(person: Person, today: date) -> Restrictions:
    found = Restrictions()
    for model, declaration, records in _subject_records(person):
        name = str(model._meta.verbose_name_plural)
        if declaration.open and records.filter(declaration.open(today)).exists():
            found.running.append(name)
        if declaration.retention in FINANCIAL_KINDS and declaration.until:
            held = records.filter(
                **{
                    f"{declaration.until}__gte": midnight(
                        cutoff(declaration.retention, today)
                    )
                }
            )
            last = held.aggregate(last=models.Max(declaration.until))["last"]
            if last:
                months = settings.BWK_RETENTION[declaration.retention]
                until = months_later(last, months)
                found.name_needed_by.append(name)
                found.name_kept_until = max(found.name_kept_until or until, until)
    return found


def _value(record: Model, model_field: models.Field) -> Any:
    if model_field.is_relation:
        related = getattr(record, model_field.name)
        return str(related) if related is not None else None
    if isinstance(model_field, models.BinaryField):
        return None
    return model_field.value_from_object(record)


def collect(person: Person) -> dict[str, Any]:
    """Everything the platform holds about the person: every declared record
    about them with all its fields, grouped by kind of record."""
    sections: dict[str, Any] = {
        "person": {f.name: _value(person, f) for f in Person._meta.concrete_fields}
    }
    sections["person"]["rooms"] = [str(room) for room in person.rooms.all()]
    for model, _declaration, records in _subject_records(person):
        rows = [
            {f.name: _value(record, f) for f in model._meta.concrete_fields}
            for record in records
        ]
        if rows:
            sections[model._meta.label] = rows
    return sections


def export_person(person: Person, today: date) -> bytes:
    """The person's data as one JSON file. The export is logged on the person
    (who and when, as reads of case files are)."""
    data = {"exported_on": today, "data": collect(person)}
    LogEntry.objects.log_create(
        person,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        changes={},
        additional_data={"privacy": "export"},
    )
    logger.info("Exported the data of person %s", person.pk)
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, default=str).encode()


@dataclass
class Erasure:
    erased_records: int
    name_kept_until: date | None
    kept_for: list[str]


@transaction.atomic
def erase_person(person: Person, today: date) -> Erasure:
    """Erase what the platform holds about a person, where the law allows:
    refused while a contract, placement, case or membership of theirs runs;
    the name stays on records the books need for seven years (and those
    records stay whole), everything else personal goes. Rows stay, so the
    counts of sessions, hours and placements do not change."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    found = restrictions(person, today)
    if found.running:
        raise ValidationError(
            _(
                "This person cannot be erased while these run: %(records)s. "
                "End them first."
            )
            % {"records": ", ".join(found.running)}
        )
    erased = 0
    for model, declaration, records in _subject_records(person):
        if not declaration.fields or model._meta.label == "accounts.User":
            continue
        if declaration.retention in FINANCIAL_KINDS and declaration.until:
            records = records.filter(
                **{
                    f"{declaration.until}__lt": midnight(
                        cutoff(declaration.retention, today)
                    )
                }
            )
        erased += erase_fields(records, declaration.fields)
    keep_name = found.name_kept_until is not None
    anonymise_person(person, keep_name=keep_name)
    LogEntry.objects.log_create(
        person,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={},
        additional_data={"privacy": "erasure", "name_kept": keep_name},
    )
    logger.info("Erased the data of person %s", person.pk)
    return Erasure(erased, found.name_kept_until, found.name_needed_by)


# Retention, run daily.


def _already_empty(model: type[Model], names: tuple[str, ...]) -> Q:
    empty = Q()
    for name in names:
        value = empty_value(model._meta.get_field(name))  # type: ignore[arg-type]
        empty &= Q(**{f"{name}__isnull": True}) if value is None else Q(**{name: value})
    return empty


def erase_expired(kind: str, before: date, today: date) -> int:
    """Empty the personal fields of every declared record of this kind that
    ended before `before` and no longer runs."""
    changed = 0
    for model, declaration in declarations():
        if declaration.retention != kind or not declaration.until:
            continue
        if not declaration.fields or model is Person:
            continue
        records = model._default_manager.filter(
            **{f"{declaration.until}__lt": midnight(before)}
        ).exclude(_already_empty(model, declaration.fields))
        if declaration.open:
            records = records.exclude(declaration.open(today))
        changed += erase_fields(records, declaration.fields)
    return changed


def _still_active(before: date, today: date) -> set[int]:
    """People with a record that runs, or one dated after `before`."""
    active: set[int] = set()
    for model, declaration in declarations():
        if not declaration.subject or model is Person:
            continue
        recent = Q(pk__in=[])
        if declaration.open:
            recent |= declaration.open(today)
        dated = declaration.until or (
            "updated_at" if hasattr(model, "updated_at") else ""
        )
        if dated:
            recent |= Q(**{f"{dated}__gte": midnight(before)})
        records = model._default_manager.filter(recent)
        for lookup in declaration.subject:
            active.update(key for key in records.values_list(lookup, flat=True) if key)
    return active


def anonymise_inactive_people(before: date, today: date) -> int:
    """Anonymise people with nothing running, no membership, no login in use,
    no record since `before`, and no record the books still need."""
    people = (
        Person.objects.filter(updated_at__date__lt=before)
        .exclude(first_name=ANONYMISED)
        .exclude(user__is_active=True)
        .exclude(pk__in=_still_active(before, today))
    )
    count = 0
    for person in people.iterator():
        if restrictions(person, today).name_kept_until:
            continue
        anonymise_person(person)
        count += 1
    return count


def apply_retention(today: date) -> dict[str, int]:
    """Erase everything past its retention; the records changed per kind."""
    done: dict[str, int] = {}
    for kind in settings.BWK_RETENTION:
        before = cutoff(kind, today)
        if kind == "person":
            done[kind] = anonymise_inactive_people(before, today)
        else:
            done[kind] = erase_expired(kind, before, today)
    for kind, handlers in _extra_handlers().items():
        before = cutoff(kind, today)
        done[kind] = done.get(kind, 0) + sum(h(before, today) for h in handlers)
    return done


def _extra_handlers() -> dict[str, list[Any]]:
    from buurtwerkkamer.people.privacy import retention_handlers

    return retention_handlers()
