"""Statement parsers of the finance app: files in, bank-neutral statements out.

`parse_statement_file` reads CAMT.053, MT940 or the ABN AMRO TXT export,
recognised by content, never by file name, and raises StatementError with a
message fit for the user for anything it cannot read. Nothing here touches the
database; the importer stores what these functions return.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from .abnamro_csv import looks_like_abnamro_csv, parse_abnamro_csv
from .camt053 import DEFAULT_MAX_BYTES, parse_camt053
from .chain import check_chain
from .mt940 import decode, looks_like_mt940, parse_mt940
from .types import Entry, Statement, StatementError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Entry",
    "Statement",
    "StatementError",
    "check_chain",
    "parse_statement_file",
]

logger = logging.getLogger(__name__)


def parse_statement_file(
    data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Statement]:
    """Detect the format of a statement file by its content and parse it.

    The filename is used only in the log line; a bank's naming habits say
    nothing reliable about the content. Raises StatementError for an empty,
    too large, hostile, malformed or unrecognised file.
    """
    if len(data) > max_bytes:
        raise StatementError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": max(1, max_bytes // (1024 * 1024))}
        )
    if not data.strip():
        raise StatementError(_("The file is empty."))
    statements = _dispatch(data, max_bytes)
    logger.info(
        "statement file parsed",
        extra={"file_name": filename, "statements": len(statements)},
    )
    return statements


def _dispatch(data: bytes, max_bytes: int) -> list[Statement]:
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        # Any XML goes through the hardened parser, which also refuses XML
        # that is not camt.053, so hostile XML never reaches another reader.
        return parse_camt053(data, max_bytes=max_bytes)
    text = decode(data)
    if looks_like_mt940(text):
        return parse_mt940(data)
    if looks_like_abnamro_csv(text):
        return parse_abnamro_csv(data)
    raise StatementError(
        _(
            "The file is not a bank statement in a format we can read "
            "(CAMT.053, MT940 or the ABN AMRO export)."
        )
    )
