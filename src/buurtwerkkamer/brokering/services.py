"""Operations on agreements and funding applications, each in one transaction."""

import logging
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.core import registry
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from .constants import (
    AMENDABLE,
    BINDING,
    DECIDED,
    DEFAULT_TARGET_BOUND,
    PERCENT_BOUND,
    PERCENT_UNITS,
    TARGET_BOUNDS,
    AgreementKind,
    AgreementStatus,
    FundingStatus,
)
from .models import (
    Agreement,
    AgreementParty,
    Amendment,
    FundingApplication,
    ObligationValue,
    PartnershipInvestment,
    ReportingDate,
    ResultObligation,
)

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
    year: int | None = None,
    shared_goals: str = "",
) -> Agreement:
    """Start an agreement with its parties, who become the room's partners. With
    parties named it is in negotiation (and visible to them); without, a draft.
    An annual agreement runs over its calendar year, whatever dates were given."""
    status = AgreementStatus.NEGOTIATING if parties else AgreementStatus.DRAFT
    if kind == AgreementKind.ANNUAL and year is not None:
        starts_on, ends_on = date(year, 1, 1), date(year, 12, 31)
    agreement = Agreement(
        room=room,
        kind=kind,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        notes=notes,
        status=status,
        year=year,
        shared_goals=shared_goals,
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
    if agreement.status in BINDING:
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
    if not pending:
        agreement.status = AgreementStatus.SIGNED
    elif agreement.status != AgreementStatus.AMENDED:
        agreement.status = AgreementStatus.NEGOTIATING
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
    if "year" in changes and changes["year"] != current.year:
        raise ValidationError({"year": _("The year of an agreement cannot change.")})
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


@transaction.atomic
def start_negotiation(agreement: Agreement) -> Agreement:
    """Take a draft to the table: from now on its parties see it."""
    current = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if current.status != AgreementStatus.DRAFT:
        raise ValidationError(_("Only a draft can go into negotiation."))
    if not current.parties.exists():
        raise ValidationError(_("Add the parties before negotiating."))
    current.status = AgreementStatus.NEGOTIATING
    current.save(update_fields=["status", "updated_at"])
    return current


@transaction.atomic
def amend_agreement(
    agreement: Agreement, *, changes: str, amended_on: date, user: Any, today: date
) -> Amendment:
    """Record a change to a partnership or annual agreement that all parties had
    signed. A change binds the parties only once they agree to it, so their
    signatures are cleared and each signs again; until then the agreement is
    'amended' and the terms they signed before still hold (the amendment keeps
    the earlier signed paper). When the last party signs, it is signed again."""
    current = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if current.kind not in AMENDABLE:
        raise ValidationError(_("Only partnerships and annual agreements are amended."))
    if current.status != AgreementStatus.SIGNED:
        raise ValidationError(_("Only an agreement signed by all parties is amended."))
    if not changes.strip():
        raise ValidationError({"changes": _("Describe what changed.")})
    if amended_on > today:
        raise ValidationError({"amended_on": _("The date cannot lie in the future.")})
    amendment = Amendment.objects.create(
        agreement=current,
        amended_on=amended_on,
        changes=changes.strip(),
        recorded_by=user,
        previous_document=current.signed_document,
    )
    current.parties.update(signed_on=None, signed_by="")
    current.status = AgreementStatus.AMENDED
    current.signed_document = None
    current.save(update_fields=["status", "signed_document", "updated_at"])
    logger.info("agreement amended agreement=%s", current.uuid)
    return amendment


@transaction.atomic
def set_investment(
    party: AgreementParty, *, year: int, amount: Decimal | None, in_kind: str
) -> PartnershipInvestment:
    """What a party of a partnership intends to invest in one year of it; a
    second entry for the same year replaces the first."""
    agreement = Agreement.objects.select_for_update().get(pk=party.agreement_id)
    if agreement.kind != AgreementKind.PARTNERSHIP:
        raise ValidationError(_("Investments per year belong to a partnership."))
    if agreement.status == AgreementStatus.SIGNED:
        raise ValidationError(_("A signed agreement cannot change."))
    if year not in agreement.years:
        raise ValidationError({"year": _("That year lies outside the partnership.")})
    if amount is None and not in_kind.strip():
        raise ValidationError(_("Enter an amount, what is given in kind, or both."))
    if amount is not None and amount < 0:
        raise ValidationError({"amount": _("An amount is not negative.")})
    investment, _created = PartnershipInvestment.objects.update_or_create(
        party=party, year=year, defaults={"amount": amount, "in_kind": in_kind.strip()}
    )
    return investment


def target_bound(indicator: str, unit: str) -> int:
    """The highest target that still makes sense for this indicator and unit."""
    if unit.strip().lower() in PERCENT_UNITS:
        return PERCENT_BOUND
    return TARGET_BOUNDS.get(indicator, DEFAULT_TARGET_BOUND)


def check_target(indicator: str, unit: str, target: Decimal) -> None:
    if target <= 0:
        raise ValidationError({"target": _("The target must be more than zero.")})
    bound = target_bound(indicator, unit)
    if target > bound:
        raise ValidationError(
            {
                "target": _("A target above %(bound)s %(unit)s makes no sense.")
                % {"bound": bound, "unit": unit}
            }
        )


@transaction.atomic
def add_obligation(
    agreement: Agreement,
    *,
    indicator: str,
    target: Decimal,
    unit: str = "",
    description: str = "",
    computed: bool | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
) -> ResultObligation:
    """Promise a result: an indicator, a target and a unit over a period (the
    agreement's own by default). An indicator the registry knows is computed and
    takes its unit; asking for a computed one the registry does not know is
    refused, and so is a target that makes no sense."""
    current = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if current.status == AgreementStatus.SIGNED:
        raise ValidationError(_("A signed agreement cannot change."))
    code = indicator.strip()
    known = registry.indicator(code)
    if computed and known is None:
        raise ValidationError(
            {
                "indicator": _("There is no computed indicator %(code)s.")
                % {"code": code}
            }
        )
    if not code:
        raise ValidationError({"indicator": _("Name the indicator.")})
    unit = unit.strip() or (str(known.unit) if known else "")
    if not unit:
        raise ValidationError({"unit": _("Enter the unit of the target.")})
    check_target(code, unit, target)
    start, end = period_start or current.starts_on, period_end or current.ends_on
    if start is None or end is None:
        raise ValidationError(
            {"period_start": _("Enter the period, or give the agreement its dates.")}
        )
    obligation = ResultObligation(
        agreement=current,
        indicator=code,
        computed=known is not None,
        description=description.strip(),
        target=target,
        unit=unit,
        period_start=start,
        period_end=end,
    )
    obligation.full_clean()
    obligation.save()
    return obligation


@transaction.atomic
def enter_value(
    obligation: ResultObligation,
    *,
    value: Decimal,
    as_of: date,
    user: Any,
    today: date,
    note: str = "",
    evidence: Document | None = None,
) -> ObligationValue:
    """Enter the realised value of an obligation that is not computed, with its
    evidence: a document, a note, or both."""
    if obligation.computed:
        raise ValidationError(_("This indicator is computed from recorded data."))
    if value < 0:
        raise ValidationError({"value": _("A value is not negative.")})
    if as_of > today:
        raise ValidationError({"as_of": _("The date cannot lie in the future.")})
    if as_of < obligation.period_start:
        raise ValidationError(
            {"as_of": _("The date lies before the period of the obligation.")}
        )
    if evidence is None and not note.strip():
        raise ValidationError({"note": _("Add the evidence: a document or a note.")})
    return ObligationValue.objects.create(
        obligation=obligation,
        value=value,
        as_of=as_of,
        note=note.strip(),
        evidence=evidence,
        entered_by=user,
    )


def _next_year(day: date) -> date:
    # 29 February has no twin next year; the day before it does.
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def copy_annual_agreement(previous: Agreement) -> Agreement:
    """Start next year's annual agreement from this one: the same parties (none
    signed), their commitments, the result obligations with the targets as they
    were and their periods a year on; a draft. Refused when the room already has
    an annual agreement for that year."""
    if previous.kind != AgreementKind.ANNUAL or previous.year is None:
        raise ValidationError(_("Only an annual agreement is copied to next year."))
    year = previous.year + 1
    Room.objects.select_for_update().get(pk=previous.room_id)
    if Agreement.objects.filter(
        room_id=previous.room_id, kind=AgreementKind.ANNUAL, year=year
    ).exists():
        raise ValidationError(
            _("This room already has an annual agreement for %(year)s.")
            % {"year": year}
        )
    title = previous.title.replace(str(previous.year), str(year))
    if title == previous.title:
        title = f"{previous.title} {year}"
    copy = Agreement(
        room_id=previous.room_id,
        kind=AgreementKind.ANNUAL,
        title=title,
        year=year,
        starts_on=date(year, 1, 1),
        ends_on=date(year, 12, 31),
        shared_goals=previous.shared_goals,
        notes=previous.notes,
        status=AgreementStatus.DRAFT,
    )
    copy.full_clean()
    copy.save()
    AgreementParty.objects.bulk_create(
        AgreementParty(
            agreement=copy,
            organisation_id=party.organisation_id,
            commitment_amount=party.commitment_amount,
            commitment_in_kind=party.commitment_in_kind,
        )
        for party in previous.parties.all()
    )
    ResultObligation.objects.bulk_create(
        ResultObligation(
            agreement=copy,
            indicator=obligation.indicator,
            computed=obligation.computed,
            description=obligation.description,
            target=obligation.target,
            unit=obligation.unit,
            period_start=_next_year(obligation.period_start),
            period_end=_next_year(obligation.period_end),
        )
        for obligation in previous.obligations.all()
    )
    logger.info("annual agreement copied from=%s to=%s", previous.uuid, copy.uuid)
    return copy


@transaction.atomic
def add_reporting_date(
    application: FundingApplication, *, due_on: date, subject: str
) -> ReportingDate:
    """A report the funder asks for, by a date: it becomes a deadline."""
    if not subject.strip():
        raise ValidationError({"subject": _("Say what is to be reported.")})
    if due_on < application.period_start:
        raise ValidationError(
            {"due_on": _("A report cannot fall due before the funded period starts.")}
        )
    return ReportingDate.objects.create(
        application=application, due_on=due_on, subject=subject.strip()
    )


@transaction.atomic
def mark_reported(reporting: ReportingDate, *, done_on: date, today: date) -> None:
    """Record that the report went to the funder; it leaves the deadlines."""
    if done_on > today:
        raise ValidationError({"done_on": _("The date cannot lie in the future.")})
    reporting.done_on = done_on
    reporting.save(update_fields=["done_on", "updated_at"])
