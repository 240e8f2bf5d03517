"""Case files (DESIGN.md section 2): placements, signals, mediation cases,
exclusions and breaches of the house rules. Only the room's team coordinator,
its project coach and the board read them (`policy.reads_case_files`, scope
`policy.case_files_q`), and every read is logged.

The log is django-auditlog's: an "access" entry with who (the request's user,
through its middleware) and when, kept in the database beside the changes."""

from typing import Any

from auditlog.signals import accessed
from django.db.models import Model, Q


def record_read(case_file: Any) -> None:
    """Log that the current user opened this case file. The model must be in
    AUDITLOG_INCLUDE_TRACKING_MODELS; a view that shows a case file calls this
    once per request."""
    accessed.send(sender=type(case_file), instance=case_file)


# Which models hold case files, declared by the apps that own them in their
# AppConfig.ready, so the tests (and anything else that must treat case files
# alike) find every one without a list to keep by hand. `where` narrows a model
# whose records are only partly case files (a placement's contract).
_case_files: dict[str, tuple[type[Model], Q]] = {}


def register_case_file(model: type[Model], where: Q | None = None) -> None:
    _case_files[model._meta.label_lower] = (model, where or Q())


def case_file_models() -> list[tuple[type[Model], Q]]:
    """Every case-file model with the filter of its records that are case files."""
    return [_case_files[label] for label in sorted(_case_files)]
