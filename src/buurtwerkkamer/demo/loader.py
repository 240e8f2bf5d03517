"""Loading the demo: once into an empty database, afresh only on request, and never
over an installation that holds logins of its own."""

import logging
from datetime import date

from django.core.management import call_command
from django.db import transaction

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.people.models import Membership, Person
from buurtwerkkamer.rooms.models import Room

from .accountability import build_accountability
from .activities import build_activities
from .brokering import build_brokering
from .context import Demo
from .development import build_development
from .employer import build_employer
from .facts.people import LOGINS
from .facts.rooms import OPERATIONAL_ROOMS
from .finance import build_finance
from .history import build_history
from .mediation import build_mediation
from .meetings import build_meetings
from .placements import build_placements
from .records import (
    create_grants,
    create_organisations,
    create_people,
    create_rooms,
    create_users,
)
from .start_up import build_start_up
from .teamwork import build_teamwork

logger = logging.getLogger(__name__)

DEMO_EMAILS = {login.email for login in LOGINS}
# The first login stands for the whole demo: it exists exactly when the demo does.
MARKER = LOGINS[0].email


def is_loaded() -> bool:
    return User.objects.filter(email=MARKER).exists()


def load_refusal() -> str:
    """Why the demo may not go into this database; empty when it may. The demo's
    names and numbers would clash with, or hide among, data already there."""
    taken = User.objects.filter(email__in=DEMO_EMAILS).values_list("email", flat=True)
    if taken:
        return f"These demo logins exist already: {', '.join(sorted(taken))}."
    for model in (Organisation, Room, Person, Membership):
        if model.objects.exists():
            plural = model._meta.verbose_name_plural
            return f"The database already holds {plural}; the demo needs an empty one."
    return ""


def reset_refusal() -> str:
    """A reset empties every table. It is allowed only where nobody but the demo's
    own logins can sign in: a real installation always has a login of its own."""
    others = User.objects.exclude(email__in=DEMO_EMAILS)
    if others.exists():
        listed = ", ".join(others.order_by("email").values_list("email", flat=True)[:5])
        return (
            f"The database has logins that are not the demo's ({listed}); "
            "a reset would delete real data, so nothing was changed."
        )
    return ""


def wipe() -> None:
    """Delete the stored files first: flushing the tables would orphan them."""
    for document in Document.objects.all():
        document.file.delete(save=False)
    call_command("flush", interactive=False, verbosity=0)
    logger.info("demo wiped")


@transaction.atomic
def load(today: date) -> Demo:
    """Build the whole cooperative as it stands on `today`, all or nothing."""
    demo = Demo(today)
    create_users(demo)
    create_organisations(demo)
    create_rooms(demo)
    create_people(demo)
    create_grants(demo)
    for fact in OPERATIONAL_ROOMS:
        build_history(demo, fact)
    build_start_up(demo)
    build_finance(demo)
    build_brokering(demo)
    build_development(demo)
    build_employer(demo)
    build_placements(demo)
    build_activities(demo)
    build_teamwork(demo)
    build_mediation(demo)
    build_meetings(demo)
    build_accountability(demo)
    logger.info("demo loaded rooms=%s users=%s", len(demo.rooms), len(demo.users))
    return demo
