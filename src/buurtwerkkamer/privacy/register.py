"""The register of processing (AVG article 30), read from the declarations so
it says what the code does."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import ForeignObjectRel, Model
from django.utils.translation import gettext as _

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.people.privacy import LegalBasis, declarations


@dataclass(frozen=True)
class Processing:
    record: str
    app: str
    purpose: str
    basis: str
    retention: str
    months: int
    seen_by: str
    fields: str
    about_people: bool


def label(model: type[Model], name: str) -> str:
    """A field's name as users read it; a reverse relation (a user's person)
    by the name of the model it leads to."""
    found = model._meta.get_field(name)
    if isinstance(found, ForeignObjectRel):
        return str(found.related_model._meta.verbose_name)
    return str(found.verbose_name)


def processing() -> list[Processing]:
    rows = []
    for model, declaration in declarations():
        meta = model._meta
        rows.append(
            Processing(
                record=str(meta.verbose_name_plural).capitalize(),
                app=str(meta.app_config.verbose_name),  # type: ignore[union-attr]
                purpose=str(declaration.purpose),
                basis=str(LegalBasis(declaration.basis).label),
                retention=declaration.retention,
                months=settings.BWK_RETENTION[declaration.retention],
                seen_by=", ".join(
                    str(Role(role).label) for role in declaration.seen_by
                ),
                fields=", ".join(
                    label(model, name)
                    for name in (*declaration.fields, *declaration.subject)
                    if name != "pk" and "__" not in name
                ),
                about_people=bool(declaration.subject),
            )
        )
    return rows


def header() -> list[str]:
    return [
        _("Record"),
        _("Part"),
        _("Purpose"),
        _("Legal basis"),
        _("Retention kind"),
        _("Retention in months"),
        _("Seen by"),
        _("Personal fields"),
    ]


def table() -> list[list[str | int]]:
    return [
        [
            row.record,
            row.app,
            row.purpose,
            row.basis,
            row.retention,
            row.months,
            row.seen_by,
            row.fields,
        ]
        for row in processing()
    ]
