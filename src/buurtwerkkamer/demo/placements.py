"""Placements in the demo, in Overvecht: vacancies for a participation
placement and a perspective job; candidates referred by Werk en Inkomen at
each stage of the selection (just registered, after the intake, on the
waiting list, rejected, accepted and waiting for a place, placed); a running
participation placement with an evaluation held and one to come, and two
signals about it with contacts with the benefits agency, one resolved and one
still open with its follow-up on the coordinator's dashboard; a perspective
job running in its trial period; and a work-experience placement that ended
in paid work. The people are fictional. Made through the placements services,
relative to the demo's today."""

from datetime import timedelta
from decimal import Decimal

from buurtwerkkamer.employer import services as employer
from buurtwerkkamer.employer.constants import PayBasis
from buurtwerkkamer.partners.models import ContactPerson
from buurtwerkkamer.placements import services
from buurtwerkkamer.placements.constants import (
    CandidateStatus,
    Outcome,
    PlacementKind,
    Seriousness,
)
from buurtwerkkamer.placements.models import Candidate, Placement, PlacementVacancy
from buurtwerkkamer.rooms.models import Room

from .context import Demo
from .facts.rooms import OVERVECHT, WERK_EN_INKOMEN

# Fictional candidates for the kitchen: (first name, last name, days ago
# referred).
CANDIDATES = (
    ("Dewi", "Sastro", 160),
    ("Marco", "Huisman", 60),
    ("Latifa", "Ezzahri", 12),
)
# Fictional candidates further in or out of the selection: (first name, last
# name, days ago referred, days ago of intake, decision of the interview).
SELECTION = (
    ("Sem", "Dijkstra", 30, 24, None),
    ("Soraya", "Bouali", 75, 70, CandidateStatus.WAITING),
    ("Kevin", "de Groot", 90, 84, CandidateStatus.REJECTED),
)


def build_placements(demo: Demo) -> None:
    room = demo.rooms[OVERVECHT.slug]
    agency = demo.organisations[WERK_EN_INKOMEN]
    contact = ContactPerson.objects.filter(organisation=agency).order_by("name")
    manager = contact.get(name="Lotte Scholten")
    vacancy = services.save_vacancy(
        PlacementVacancy(
            room=room,
            kind=PlacementKind.PARTICIPATION,
            title="Gastvrouw of gastheer buurtkeuken",
            description="Koken en serveren bij de kookclub, drie ochtenden per week.",
            hours_per_week=Decimal("12.0"),
            opened_on=demo.day(200),
        )
    )
    candidates = [
        refer(demo, room, manager, first, last, ago, vacancy)
        for first, last, ago in CANDIDATES
    ]
    placed, waiting, _new = candidates
    select(demo, placed, 150, CandidateStatus.ACCEPTED)
    select(demo, waiting, 50, CandidateStatus.ACCEPTED)
    placement = place(demo, placed)
    signals(demo, placement, manager)
    for first, last, ago, intake, decision in SELECTION:
        candidate = refer(demo, room, manager, first, last, ago, None)
        select(demo, candidate, intake, decision)
    perspective_job(demo, room, manager)
    ended_in_paid_work(demo, room, manager)


def refer(
    demo: Demo,
    room: Room,
    manager: ContactPerson,
    first: str,
    last: str,
    ago: int,
    vacancy: PlacementVacancy | None,
) -> Candidate:
    return services.register_candidate(
        room,
        first_name=first,
        last_name=last,
        registered_on=demo.day(ago),
        today=demo.today,
        referred_by=manager.organisation,
        referral_contact=manager,
        vacancy=vacancy,
    )


def select(demo: Demo, candidate: Candidate, ago: int, decision: str | None) -> None:
    """The intake `ago` days ago and, with a decision, the selection
    interview a week later."""
    services.record_intake(
        candidate,
        intake_on=demo.day(ago),
        notes="Wil graag weer ritme en collega's; ervaring in een keuken.",
        today=demo.today,
    )
    if decision is None:
        return
    services.record_interview(
        candidate,
        held_on=demo.day(ago - 5),
        notes="Gemotiveerd en duidelijk over wat wel en niet lukt.",
        decision=decision,
        today=demo.today,
    )


def place(demo: Demo, candidate: Candidate) -> Placement:
    starts_on = demo.day(120)
    placement = services.start_placement(
        candidate,
        kind=PlacementKind.PARTICIPATION,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=364),
        hours_per_week=Decimal("12.0"),
        first_evaluation_on=demo.day(30),
    )
    evaluation = placement.contract.evaluations.get()
    employer.record_evaluation(
        evaluation,
        held_on=demo.day(28),
        notes="Gaat goed in de keuken; wil meer zelf koken.",
        today=demo.today,
    )
    services.plan_evaluation(placement, due_on=demo.day(-30))
    return placement


def signals(demo: Demo, placement: Placement, manager: ContactPerson) -> None:
    late = services.raise_signal(
        placement,
        raised_on=demo.day(90),
        description="Kwam drie keer te laat en één keer niet, zonder bericht.",
        seriousness=Seriousness.MEDIUM,
        approach="Gesprek met de teamcoördinator; afspraak om vooraf te bellen.",
        follow_up_on=demo.day(80),
        today=demo.today,
    )
    services.add_contact(
        late,
        contacted_on=demo.day(88),
        contact=manager,
        summary="Klantmanager geïnformeerd; zij bespreekt het ook met de deelnemer.",
        today=demo.today,
    )
    services.add_contact(
        late,
        contacted_on=demo.day(70),
        contact=manager,
        summary="Sinds de afspraak steeds op tijd; klantmanager tevreden.",
        today=demo.today,
    )
    services.resolve_signal(
        late,
        resolved_on=demo.day(70),
        resolution="Vast belmoment afgesproken; sindsdien op tijd.",
        today=demo.today,
    )
    back = services.raise_signal(
        placement,
        raised_on=demo.day(6),
        description="Klaagt over rugpijn na het tillen van pannen.",
        seriousness=Seriousness.LOW,
        approach="Lichter werk aan de balie tot de huisarts is geweest.",
        follow_up_on=demo.day(-5),
        today=demo.today,
    )
    services.add_contact(
        back,
        contacted_on=demo.day(4),
        contact=manager,
        summary="Klantmanager gebeld; zij vraagt een keuring bij de bedrijfsarts aan.",
        today=demo.today,
    )


def perspective_job(demo: Demo, room: Room, manager: ContactPerson) -> Placement:
    """A paid perspective job as caretaker of the room, still in its trial
    period, with its first evaluation coming up."""
    vacancy = services.save_vacancy(
        PlacementVacancy(
            room=room,
            kind=PlacementKind.PERSPECTIVE_JOB,
            title="Buurtconciërge",
            description="Beheer van de ruimte, sleutels en kleine klussen.",
            hours_per_week=Decimal("24.0"),
            opened_on=demo.day(120),
        )
    )
    candidate = refer(demo, room, manager, "Jordy", "Pinas", 100, vacancy)
    select(demo, candidate, 90, CandidateStatus.ACCEPTED)
    starts_on = demo.day(40)
    return services.start_placement(
        candidate,
        kind=PlacementKind.PERSPECTIVE_JOB,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=364),
        hours_per_week=Decimal("24.0"),
        pay=Decimal("2150.00"),
        pay_basis=PayBasis.MONTH,
        trial_ends_on=starts_on + timedelta(days=59),
        first_evaluation_on=demo.day(-14),
    )


def ended_in_paid_work(demo: Demo, room: Room, manager: ContactPerson) -> Placement:
    """A work-experience placement in the kitchen that ended early because the
    participant found paid work."""
    candidate = refer(demo, room, manager, "Iris", "Meijer", 330, None)
    select(demo, candidate, 320, CandidateStatus.ACCEPTED)
    starts_on = demo.day(300)
    placement = services.start_placement(
        candidate,
        kind=PlacementKind.WORK_EXPERIENCE,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=360),
        hours_per_week=Decimal("20.0"),
        first_evaluation_on=demo.day(210),
    )
    employer.record_evaluation(
        placement.contract.evaluations.get(),
        held_on=demo.day(210),
        notes="Zelfstandig in de keuken; solliciteert bij een cateraar.",
        today=demo.today,
    )
    return services.end_placement(
        placement,
        ended_on=demo.day(20),
        outcome=Outcome.PAID_WORK,
        notes="Vaste baan als kok bij een cateraar in Overvecht.",
    )
