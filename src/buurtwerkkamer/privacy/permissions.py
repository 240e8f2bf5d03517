"""Privacy's permissions: the board is the cooperative's privacy officer. It
reads the register of processing, exports a person's data on request and
erases it where the law allows."""

import rules

from buurtwerkkamer.access import policy as p

PERMISSIONS = {
    "privacy.view_register": p.is_board,
    "privacy.handle_request": p.is_board,
}


def register() -> None:
    for name, predicate in PERMISSIONS.items():
        rules.add_perm(name, predicate)
