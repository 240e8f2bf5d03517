"""Bank statements: importing them once, and matching their transactions to the
transfers, expenses and fixed costs they pay."""

from .importing import (
    ImportResult,
    import_job,
    import_statement_data,
    import_statement_file,
    read_upload,
)
from .matching import (
    Candidate,
    auto_match,
    candidates,
    compact,
    match_by_hand,
    similar_amount,
    unmatch,
)

__all__ = [
    "Candidate",
    "ImportResult",
    "auto_match",
    "candidates",
    "compact",
    "import_job",
    "import_statement_data",
    "import_statement_file",
    "match_by_hand",
    "read_upload",
    "similar_amount",
    "unmatch",
]
