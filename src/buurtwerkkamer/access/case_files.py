"""Case files (DESIGN.md section 2): placements, signals, mediation cases,
exclusions and breaches of the house rules. Only the room's team coordinator,
its project coach and the board read them (`policy.reads_case_files`, scope
`policy.case_files_q`), and every read is logged.

The log is django-auditlog's: an "access" entry with who (the request's user,
through its middleware) and when, kept in the database beside the changes."""

from typing import Any

from auditlog.signals import accessed


def record_read(case_file: Any) -> None:
    """Log that the current user opened this case file. The model must be in
    AUDITLOG_INCLUDE_TRACKING_MODELS; a view that shows a case file calls this
    once per request."""
    accessed.send(sender=type(case_file), instance=case_file)
