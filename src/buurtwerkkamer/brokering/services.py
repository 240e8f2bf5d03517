"""Operations on agreements and funding applications, each in one transaction."""

import logging
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .constants import DECIDED, AgreementKind, AgreementStatus, FundingStatus
from .models import Agreement, AgreementParty, FundingApplication

logger = logging.getLogger(__name__)


@transaction.atomic
def create_agreement(
    room: Room,
    *,
    kind: AgreementKind,
    title: str,
    parties: list[Organisation],
    starts_on: date | None = None,
    ends_on: date | None = None,
    notes: str = "",
) -> Agreement:
    """Start an agreement with its parties, who become the room's partners. With
    parties named it is in negotiation (and visible to them); without, a draft."""
    status = AgreementStatus.NEGOTIATING if parties else AgreementStatus.DRAFT
    agreement = Agreement(
        room=room,
        kind=kind,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        notes=notes,
        status=status,
    )
    agreement.full_clean()
    agreement.save()
    for organisation in parties:
        AgreementParty.objects.create(agreement=agreement, organisation=organisation)
    room.partners.add(*parties)
    return agreement


@transaction.atomic
def add_party(agreement: Agreement, organisation: Organisation) -> AgreementParty:
    """Add a party while the agreement is open; it becomes a partner of the room."""
    if agreement.status == AgreementStatus.SIGNED:
        raise ValidationError(_("A signed agreement gets no new parties."))
    party, _created = AgreementParty.objects.get_or_create(
        agreement=agreement, organisation=organisation
    )
    agreement.room.partners.add(organisation)
    if agreement.status == AgreementStatus.DRAFT:
        agreement.status = AgreementStatus.NEGOTIATING
        agreement.save(update_fields=["status", "updated_at"])
    return party


@transaction.atomic
def record_signature(
    party: AgreementParty, *, signed_on: date, signed_by: str, today: date
) -> Agreement:
    """Record that a party signed; when the last one signs, the agreement is signed."""
    if signed_on > today:
        raise ValidationError(_("A signature cannot lie in the future."))
    agreement = Agreement.objects.select_for_update().get(pk=party.agreement_id)
    if AgreementParty.objects.filter(pk=party.pk, signed_on__isnull=False).exists():
        raise ValidationError(_("This party has already signed."))
    party.signed_on = signed_on
    party.signed_by = signed_by
    party.save(update_fields=["signed_on", "signed_by", "updated_at"])
    pending = agreement.parties.filter(signed_on__isnull=True).exists()
    agreement.status = (
        AgreementStatus.NEGOTIATING if pending else AgreementStatus.SIGNED
    )
    agreement.save(update_fields=["status", "updated_at"])
    logger.info(
        "agreement signature agreement=%s signed=%s", agreement.uuid, not pending
    )
    return agreement


@transaction.atomic
def set_commitment(
    party: AgreementParty, amount: Decimal | None, in_kind: str, user: Any
) -> AgreementParty:
    """State what a party puts in: an amount (none when it gives nothing in
    money) and what it gives in kind. Refused once the agreement is signed by
    all, and once the party itself signed, since its signature covers it."""
    agreement = Agreement.objects.select_for_update().get(pk=party.agreement_id)
    if agreement.status == AgreementStatus.SIGNED:
        raise ValidationError(_("A signed agreement cannot change."))
    party = AgreementParty.objects.select_for_update().get(pk=party.pk)
    if party.signed_on is not None:
        raise ValidationError(
            _("This party has signed: its commitment cannot change any more.")
        )
    if amount is not None and amount < 0:
        raise ValidationError(
            {"commitment_amount": _("A committed amount is not negative.")}
        )
    party.commitment_amount = amount
    party.commitment_in_kind = in_kind.strip()
    party.full_clean()
    party.save(update_fields=["commitment_amount", "commitment_in_kind", "updated_at"])
    logger.info("commitment set party=%s user=%s", party.uuid, user.pk)
    return party


@transaction.atomic
def attach_signed_document(agreement: Agreement, document: Document) -> None:
    """Keep the signed paper with the agreement; the audit trail keeps any earlier."""
    agreement.signed_document = document
    agreement.save(update_fields=["signed_document", "updated_at"])


@transaction.atomic
def store_decision_letter(
    application: FundingApplication, upload: Any, user: Any
) -> Document:
    """Keep the funder's letter with the application; finance reads it too."""
    document = store_document(
        upload,
        title=application.title,
        user=user,
        room_id=application.room_id,
        kind=DocumentKind.FUNDING,
    )
    application.document = document
    application.save(update_fields=["document", "updated_at"])
    return document


@transaction.atomic
def save_funding_application(application: FundingApplication) -> FundingApplication:
    """Validate and save; a decision is only recorded once submitted."""
    if application.status in DECIDED and not application.decided_on:
        raise ValidationError({"decided_on": _("Enter the date of the decision.")})
    if application.status in DECIDED | {FundingStatus.SUBMITTED} and not (
        application.submitted_on
    ):
        raise ValidationError({"submitted_on": _("Enter the date of submission.")})
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def update_agreement(agreement: Agreement, **changes: Any) -> Agreement:
    """Change an agreement's terms while it is not yet signed; its kind never
    changes, since the start-up gates count on it."""
    current = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if current.status == AgreementStatus.SIGNED:
        raise ValidationError(_("A signed agreement cannot change."))
    if "kind" in changes and changes["kind"] != current.kind:
        raise ValidationError({"kind": _("The kind of an agreement cannot change.")})
    for field, value in changes.items():
        setattr(agreement, field, value)
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def store_signed_document(agreement: Agreement, upload: Any, user: Any) -> Document:
    """Check the upload and attach it as the signed document, both or neither."""
    document = store_document(
        upload,
        title=agreement.title,
        user=user,
        room_id=agreement.room_id,
        kind=DocumentKind.AGREEMENT,
    )
    attach_signed_document(agreement, document)
    return document
