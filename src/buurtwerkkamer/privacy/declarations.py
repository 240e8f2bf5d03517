"""The personal data of the apps below privacy, declared model by model: the
source of the register of processing, of a person's export, of erasure and of
retention. A model with a field pointing at a person or a user account, or one
named like a name, e-mail, phone, notes or BSN, must be declared here (or by
its own app) or listed in NOT_PERSONAL with the reason; tests/privacy fails
otherwise, so the register cannot drift from the code.

Retention kinds are the keys of settings.BWK_RETENTION."""

from collections.abc import Callable
from datetime import date

from django.db.models import Model, Q
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.accountability.models import (
    AuditYear,
    CashCount,
    Finding,
    ReportStep,
)
from buurtwerkkamer.accounts.models import ApiToken, User
from buurtwerkkamer.activities.models import (
    Activity,
    Session,
    SessionParticipant,
    SessionVolunteer,
)
from buurtwerkkamer.brokering.models import Amendment, ObligationValue
from buurtwerkkamer.core.models import Job
from buurtwerkkamer.development.models import Evaluation, FollowUp, TrainingParticipant
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.employer.models import (
    Applicant,
    ConductCertificate,
    Contract,
    ContractEvaluation,
    Interview,
    VolunteerAllowance,
    VolunteerTask,
)
from buurtwerkkamer.finance.models import (
    BankStatement,
    BankTransaction,
    ClosedMonth,
    Expense,
    FixedCost,
    FixedCostTemplate,
    FrozenYear,
    SepaBatch,
    Transfer,
)
from buurtwerkkamer.mediation.models import Exclusion, MediationCase, MediationSession
from buurtwerkkamer.meetings.models import ActionItem, Attendee, Meeting
from buurtwerkkamer.partners.models import ContactPerson
from buurtwerkkamer.people.models import Membership, Person
from buurtwerkkamer.people.privacy import (
    LegalBasis,
    PersonalData,
    register_personal_data,
)
from buurtwerkkamer.placements.constants import CandidateStatus
from buurtwerkkamer.placements.models import (
    Candidate,
    Placement,
    SelectionInterview,
    Signal,
    SignalContact,
)
from buurtwerkkamer.startup.models import ChecklistItem, StageChange
from buurtwerkkamer.teamwork.models import (
    Breach,
    GoalNote,
    HouseRules,
    PartnerContact,
    WorkAgreement,
    YearlyGoal,
)

# Fields that look personal by their name but are not, and why.
NOT_PERSONAL = {
    "rooms.Room": _("The name of a room, a public place."),
    "partners.Organisation": _("Name and contact details of an organisation."),
    "finance.CooperativeAccount": _("The cooperative's own bank account."),
    "brokering.Agreement": _("Notes on an agreement between organisations."),
    "startup.Location": _("Notes on a building."),
}

BOARD = (Role.BOARD,)
CASE_READERS = (Role.BOARD, Role.PROJECT_COACH, Role.TEAM_COORDINATOR)
ROOM_STAFF = (Role.BOARD, Role.TREASURER, Role.PROJECT_COACH, Role.TEAM_COORDINATOR)
FINANCE = (
    Role.BOARD,
    Role.TREASURER,
    Role.AUDIT_COMMITTEE,
    Role.ACCOUNTANT,
)


def running(field: str) -> Callable[[date], Q]:
    """Records whose `field` date is empty or still to come are open."""

    def check(today: date) -> Q:
        return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": today})

    return check


def not_ended(field: str) -> Callable[[date], Q]:
    def check(today: date) -> Q:
        return Q(**{f"{field}__isnull": True})

    return check


def candidate_open(prefix: str = "") -> Callable[[date], Q]:
    """A candidate is open during selection and while their placement runs."""

    def check(today: date) -> Q:
        placed = Q(**{f"{prefix}status": CandidateStatus.PLACED}) & Q(
            **{f"{prefix}placement__ended_on__isnull": True}
        )
        selecting = Q(
            **{
                f"{prefix}status__in": [
                    CandidateStatus.REGISTERED,
                    CandidateStatus.ACCEPTED,
                    CandidateStatus.WAITING,
                ]
            }
        )
        return placed | selecting

    return check


def recorded_by(*users: str, seen_by: tuple[str, ...] = ROOM_STAFF) -> PersonalData:
    """A record whose only personal data is which user made or changed it."""
    return PersonalData(
        purpose=_("Accountability: who recorded or decided what, and when."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="financial",
        seen_by=seen_by,
        users=users,
    )


def finance(*users: str, fields: tuple[str, ...] = ()) -> PersonalData:
    return PersonalData(
        purpose=_("The cooperative's books, kept as tax law requires."),
        basis=LegalBasis.LEGAL_OBLIGATION,
        retention="financial",
        seen_by=FINANCE,
        fields=fields,
        users=users,
    )


DECLARATIONS: dict[type[Model], PersonalData] = {
    User: PersonalData(
        purpose=_("Logging in and knowing who does what."),
        basis=LegalBasis.CONTRACT,
        retention="person",
        seen_by=BOARD,
        fields=("name", "email"),
        subject=("person",),
    ),
    ApiToken: recorded_by("user", seen_by=()),
    Job: recorded_by("user", seen_by=()),
    Grant: recorded_by("user", seen_by=BOARD),
    Document: PersonalData(
        purpose=_("Signed agreements, receipts, statements and reports."),
        basis=LegalBasis.LEGAL_OBLIGATION,
        retention="financial",
        seen_by=ROOM_STAFF,
        fields=("original_name",),
        users=("uploaded_by",),
    ),
    ContactPerson: PersonalData(
        purpose=_("Keeping in touch with the partners' contact persons."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="person",
        seen_by=(*ROOM_STAFF, Role.PARTNER),
        fields=("name", "email", "phone"),
    ),
    Person: PersonalData(
        purpose=_("Knowing the residents, volunteers and staff of the rooms."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="person",
        seen_by=ROOM_STAFF,
        fields=("first_name", "last_name", "email", "phone"),
        subject=("pk",),
        users=("user",),
    ),
    Membership: PersonalData(
        purpose=_("The register of members the cooperative must keep."),
        basis=LegalBasis.LEGAL_OBLIGATION,
        retention="person",
        seen_by=(Role.BOARD, Role.TREASURER),
        subject=("person",),
        open=not_ended("left_on"),
    ),
    Activity: PersonalData(
        purpose=_("Who leads an activity of the room."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=(*ROOM_STAFF, Role.VOLUNTEER),
        subject=("leader",),
    ),
    Session: PersonalData(
        purpose=_("What happened in a room: the evidence for its results."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=(*ROOM_STAFF, Role.VOLUNTEER),
        fields=("notes",),
        users=("recorded_by",),
        until="held_on",
    ),
    SessionVolunteer: PersonalData(
        purpose=_("Volunteer hours, for the room's results and the volunteer."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        subject=("person",),
        until="session__held_on",
    ),
    SessionParticipant: PersonalData(
        purpose=_("Who took part, for the room's results."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        subject=("person",),
        until="session__held_on",
    ),
    Amendment: recorded_by("recorded_by"),
    ObligationValue: recorded_by("entered_by"),
    Meeting: recorded_by("planned_by", "minutes_by"),
    Attendee: PersonalData(
        purpose=_("Who was invited to and attended a meeting."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        subject=("person", "user__person"),
        until="meeting__starts_at",
    ),
    ActionItem: PersonalData(
        purpose=_("Who does what after a meeting."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        subject=("owner__person",),
        users=("owner", "done_by"),
    ),
    Contract: PersonalData(
        purpose=_("Employing staff and placing people: the contract and its pay."),
        basis=LegalBasis.CONTRACT,
        retention="contract",
        seen_by=CASE_READERS,
        fields=("end_reason",),
        subject=("person",),
        until="ends_on",
        open=running("ends_on"),
    ),
    ContractEvaluation: PersonalData(
        purpose=_("Evaluating a contract with the person."),
        basis=LegalBasis.CONTRACT,
        retention="contract",
        seen_by=CASE_READERS,
        fields=("notes",),
        subject=("contract__person",),
        until="contract__ends_on",
        open=running("contract__ends_on"),
    ),
    Applicant: PersonalData(
        purpose=_("Recruiting paid staff."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="applicant",
        seen_by=BOARD,
        fields=("name", "email", "phone", "notes"),
        until="decided_on",
        open=not_ended("decided_on"),
    ),
    Interview: PersonalData(
        purpose=_("Recruiting paid staff."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="applicant",
        seen_by=BOARD,
        fields=("notes",),
        until="applicant__decided_on",
        open=not_ended("applicant__decided_on"),
    ),
    VolunteerTask: PersonalData(
        purpose=_("What a volunteer does in the room."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        subject=("person",),
        until="ends_on",
        open=running("ends_on"),
    ),
    ConductCertificate: PersonalData(
        purpose=_("A certificate of conduct where a task needs one: date and result."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        subject=("person",),
    ),
    VolunteerAllowance: PersonalData(
        purpose=_("Volunteer allowances paid, within the tax-free limits."),
        basis=LegalBasis.LEGAL_OBLIGATION,
        retention="financial",
        seen_by=(*ROOM_STAFF, Role.AUDIT_COMMITTEE, Role.ACCOUNTANT),
        subject=("person",),
        until="month",
    ),
    ChecklistItem: recorded_by("done_by"),
    StageChange: recorded_by("changed_by"),
    Evaluation: PersonalData(
        purpose=_("Who evaluated the room's work."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        fields=("evaluator_name",),
    ),
    FollowUp: recorded_by("owner"),
    TrainingParticipant: PersonalData(
        purpose=_("Who took part in and completed a training."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="activity",
        seen_by=ROOM_STAFF,
        subject=("person",),
        until="training__starts_on",
    ),
    HouseRules: recorded_by("written_by"),
    Breach: PersonalData(
        purpose=_("Keeping the house rules: what happened and what was done."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="breach",
        seen_by=CASE_READERS,
        fields=("what", "action_taken"),
        subject=("person",),
        users=("recorded_by",),
        until="occurred_on",
    ),
    WorkAgreement: PersonalData(
        purpose=_("Agreements with and coaching of the team's members."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="team",
        seen_by=CASE_READERS,
        fields=("subject", "agreed"),
        subject=("person",),
        users=("recorded_by",),
        until="agreed_on",
        open=lambda today: Q(follow_up_on__isnull=False, followed_up_on__isnull=True),
    ),
    YearlyGoal: recorded_by("set_by"),
    GoalNote: recorded_by("written_by"),
    PartnerContact: PersonalData(
        purpose=_("The team's contacts with partners."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="team",
        seen_by=CASE_READERS,
        fields=("contact_person", "notes"),
        users=("recorded_by",),
        until="contacted_on",
    ),
    MediationCase: PersonalData(
        purpose=_("Mediating a conflict between people of the room."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="mediation_case",
        seen_by=CASE_READERS,
        fields=("what_happened", "outcome_notes"),
        subject=("parties",),
        users=("opened_by",),
        until="closed_on",
        open=not_ended("closed_on"),
    ),
    MediationSession: PersonalData(
        purpose=_("Mediating a conflict between people of the room."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="mediation_case",
        seen_by=CASE_READERS,
        fields=("agreed", "others_present"),
        subject=("present", "case__parties"),
        users=("recorded_by",),
        until="case__closed_on",
        open=not_ended("case__closed_on"),
    ),
    Exclusion: PersonalData(
        purpose=_("Keeping a person out of the room for a while, and why."),
        basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="exclusion",
        seen_by=CASE_READERS,
        fields=("reason",),
        subject=("person",),
        users=("decided_by",),
        until="ends_on",
        open=running("ends_on"),
    ),
    Candidate: PersonalData(
        purpose=_("Recruiting and selecting candidates for a placement."),
        basis=LegalBasis.PUBLIC_TASK,
        retention="candidate",
        seen_by=CASE_READERS,
        fields=("intake_notes",),
        subject=("person",),
        until="registered_on",
        open=candidate_open(),
    ),
    SelectionInterview: PersonalData(
        purpose=_("Recruiting and selecting candidates for a placement."),
        basis=LegalBasis.PUBLIC_TASK,
        retention="candidate",
        seen_by=CASE_READERS,
        fields=("notes",),
        subject=("candidate__person",),
        until="held_on",
        open=candidate_open("candidate__"),
    ),
    Placement: PersonalData(
        purpose=_("Guiding a placement and reporting its outcome."),
        basis=LegalBasis.PUBLIC_TASK,
        retention="placement",
        seen_by=CASE_READERS,
        fields=("outcome_notes",),
        subject=("candidate__person",),
        until="ended_on",
        open=not_ended("ended_on"),
    ),
    Signal: PersonalData(
        purpose=_("Following up problems in a placement with the benefits agency."),
        basis=LegalBasis.PUBLIC_TASK,
        retention="signal",
        seen_by=CASE_READERS,
        fields=("description", "approach", "resolution"),
        subject=("placement__candidate__person",),
        until="placement__ended_on",
        open=not_ended("placement__ended_on"),
    ),
    SignalContact: PersonalData(
        purpose=_("Following up problems in a placement with the benefits agency."),
        basis=LegalBasis.PUBLIC_TASK,
        retention="signal",
        seen_by=CASE_READERS,
        fields=("summary",),
        subject=("signal__placement__candidate__person",),
        until="signal__placement__ended_on",
        open=not_ended("signal__placement__ended_on"),
    ),
    SepaBatch: finance("prepared_by", "approved_by", "exported_by"),
    Transfer: finance("approved_by", fields=("creditor_name",)),
    Expense: finance("recorded_by", "checked_by"),
    BankStatement: finance("imported_by"),
    BankTransaction: finance("matched_by", fields=("counterparty_name",)),
    ClosedMonth: finance("closed_by"),
    FrozenYear: finance("frozen_by"),
    FixedCostTemplate: finance("created_by"),
    FixedCost: finance("booked_by"),
    ReportStep: recorded_by(
        "by",
        "reviewers",
        seen_by=(*FINANCE, Role.PROJECT_COACH, Role.TEAM_COORDINATOR),
    ),
    AuditYear: finance("sampled_by"),
    CashCount: finance("counted_by"),
    Finding: finance("recorded_by"),
}


def register() -> None:
    for model, declaration in DECLARATIONS.items():
        register_personal_data(model, declaration)
