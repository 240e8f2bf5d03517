"""What the platform holds about people, declared per model (the register of
processing, AVG article 30), and the erasing that retention and a person's
request for erasure share.

Every model that holds personal data has a `PersonalData` declaration,
registered here by whoever owns it: the register page, the export of a
person's data, erasure and retention all read these declarations, and a test
fails for a model with personal fields and none. People sits low (layer 3) so
that every app above it can declare its own.

Erasing keeps the rows, so counts, hours and indicators stay right: the
personal fields are emptied (the blank value, or ANONYMISED where the field
must hold something), written with `update()` so that no change entry copies
the old value into the audit trail, and the trail's earlier copies of them
are scrubbed."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

# Stored in place of a name or required text. A value in the data, not a label:
# the installation's language, as the rest of what users type.
ANONYMISED = "Geanonimiseerd"


class LegalBasis(models.TextChoices):
    """AVG article 6(1)."""

    CONTRACT = "contract", _("Contract (AVG 6(1)(b))")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (AVG 6(1)(c))")
    PUBLIC_TASK = "public_task", _("Public task (AVG 6(1)(e))")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest (AVG 6(1)(f))")
    CONSENT = "consent", _("Consent (AVG 6(1)(a))")


@dataclass(frozen=True)
class PersonalData:
    """The processing of one model: why, on what basis, how long, seen by
    whom, and which of its fields are personal.

    `subject` are the lookups from a record to the Person it is about (the
    export and erasure follow them); `users` those to the accounts of who
    recorded it (kept: the account is anonymised instead). `until` is the date
    lookup from which the retention of kind `retention` runs; `open` the
    records still running, which neither retention nor erasure touches."""

    purpose: Any
    basis: str
    retention: str
    seen_by: tuple[str, ...]
    fields: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    until: str = ""
    open: Callable[[date], Q] | None = None


_declarations: dict[str, tuple[type[Model], PersonalData]] = {}


def register_personal_data(model: type[Model], declaration: PersonalData) -> None:
    _declarations[model._meta.label] = (model, declaration)


def declarations() -> list[tuple[type[Model], PersonalData]]:
    """Every declared model with its declaration, by app and model."""
    return [_declarations[label] for label in sorted(_declarations)]


def declaration_of(model: type[Model]) -> PersonalData | None:
    found = _declarations.get(model._meta.label)
    return found[1] if found else None


# Retention: a handler per kind of record erases what is past its period.
# Declared models are handled by the privacy app from their declarations; an
# app with records that need more than emptying fields registers its own.

RetentionHandler = Callable[[date, date], int]
_retention: dict[str, list[RetentionHandler]] = {}


def register_retention(kind: str, handler: RetentionHandler) -> RetentionHandler:
    """`handler(cutoff, today)` erases the personal data of records of this
    kind that ended before `cutoff`, and says how many records it changed."""
    handlers = _retention.setdefault(kind, [])
    if handler not in handlers:
        handlers.append(handler)
    return handler


def retention_handlers() -> dict[str, list[RetentionHandler]]:
    return dict(_retention)


def about(person: Any, declaration: PersonalData) -> Q:
    """The records a declaration says are about this person."""
    found = Q(pk__in=[])
    for lookup in declaration.subject:
        found |= Q(**{lookup: person})
    return found


def empty_value(field: models.Field) -> Any:
    if field.null:
        return None
    if isinstance(field, models.EmailField | models.URLField) or field.blank:
        return ""
    return ANONYMISED


def erase_fields(records: QuerySet, names: Iterable[str]) -> int:
    """Empty these fields of these records, and scrub the audit trail's copies
    of their values; the rows and every other field stay."""
    model = records.model
    names = list(names)
    if not names:
        return 0
    fields = [model._meta.get_field(name) for name in names]
    keys = list(records.values_list("pk", flat=True))
    if not keys:
        return 0
    changed = model._default_manager.filter(pk__in=keys).update(
        **{field.name: empty_value(field) for field in fields}  # type: ignore[union-attr]
    )
    scrub_log(model, keys, [field.name for field in fields])
    return changed


def scrub_log(model: type[Model], keys: list[Any], names: list[str]) -> None:
    """Replace the erased fields' values in the audit trail's entries of these
    records (who changed what when stays), and the text it named them by."""
    kind = ContentType.objects.get_for_model(model)
    entries = LogEntry.objects.filter(
        content_type=kind, object_pk__in=[str(key) for key in keys]
    )
    for entry in entries.iterator():
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        for name in names:
            if name in changes:
                changes[name] = [ANONYMISED, ANONYMISED]
        entry.changes = changes
        entry.object_repr = ANONYMISED
        entry.changes_text = ""
        entry.serialized_data = None
        entry.save(
            update_fields=["changes", "changes_text", "object_repr", "serialized_data"]
        )


def anonymise_person(person: Any, keep_name: bool = False) -> None:
    """Erase a person's contact details and their login (the account stays,
    closed and nameless, for the records that say who did what); their name
    too unless the law still needs it (`keep_name`)."""
    from buurtwerkkamer.access.models import Grant

    from .models import Person

    names = (
        ["email", "phone"]
        if keep_name
        else ["first_name", "last_name", "email", "phone"]
    )
    erase_fields(Person.objects.filter(pk=person.pk), names)
    user = person.user
    if user is not None:
        Person.objects.filter(pk=person.pk).update(user=None)
        Grant.objects.filter(user=user).delete()
        user.set_unusable_password()
        user.is_active = False
        user.save(update_fields=["password", "is_active"])
        model = type(user)
        model._default_manager.filter(pk=user.pk).update(
            name=ANONYMISED, email=f"geanonimiseerd-{user.pk}@invalid"
        )
        scrub_log(model, [user.pk], ["name", "email"])
    person.refresh_from_db()
