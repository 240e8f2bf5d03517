"""Development in the demo: per operational room a learning plan for last year
and this year, trainings from them with participants (some completed, one still
to come), and an evaluation by a third party with its report and follow-up
actions, one of them open on the dashboard of the room's staff. Made through the
development services, relative to the demo's today."""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.development import services
from buurtwerkkamer.development.constants import Evaluator, TrainingStatus
from buurtwerkkamer.development.models import (
    Evaluation,
    LearningPlan,
    Training,
)
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .context import Demo, signatory
from .facts import RoomFact
from .facts.people import LOGINS
from .facts.rooms import BUURTFONDS, GEMEENTE, OPERATIONAL_ROOMS, VAARTFONDS
from .paperwork import simple_pdf

# Who evaluates each room, in the order of OPERATIONAL_ROOMS.
EVALUATORS = (BUURTFONDS, GEMEENTE, VAARTFONDS)

PLANS = {
    "last": (
        "Vrijwilligers blijven als ze een vaste taak en een vast aanspreekpunt "
        "hebben. Nieuwe bezoekers komen vooral via buren, niet via folders.",
        "De kookclub en de formulierenbrigade draaien wekelijks; drie "
        "vrijwilligers volgden een EHBO-training.",
        "Elke vrijwilliger aan de balie kent de sociale kaart van de wijk; "
        "twee vrijwilligers kunnen een nieuwe vrijwilliger inwerken.",
    ),
    "this": (
        "Inwerken in duo's werkt: nieuwe vrijwilligers haken minder af. De "
        "sociale kaart wordt veel gebruikt, maar is snel verouderd.",
        "Meer vaste bezoekers op de ochtenden; de computerbrigade is gestart.",
        "Omgaan met lastig gedrag aan de balie; hygiëne in de buurtkeuken; "
        "de sociale kaart twee keer per jaar bijwerken.",
    ),
}


def build_development(demo: Demo) -> None:
    for index, fact in enumerate(OPERATIONAL_ROOMS):
        room = demo.rooms[fact.slug]
        staff = staff_of(demo, fact)
        people = list(
            room.people.exclude(memberships__left_on__isnull=False).order_by(
                "last_name"
            )
        )
        plans = learning_plans(demo, room)
        opened = demo.day(fact.opened_ago or 0)
        trainings(demo, room, plans, people, opened)
        evaluate(demo, room, staff, EVALUATORS[index % len(EVALUATORS)])


def staff_of(demo: Demo, fact: RoomFact) -> User:
    """The room's team coordinator, else its coach, else the board."""
    for role in (Role.TEAM_COORDINATOR, Role.PROJECT_COACH):
        for login in LOGINS:
            if login.role == role and fact.slug in login.rooms:
                return demo.users[login.key]
    return demo.users["bestuur"]


def learning_plans(demo: Demo, room: Room) -> dict[int, LearningPlan]:
    plans = {}
    for key, year in (("last", demo.today.year - 1), ("this", demo.today.year)):
        lessons, results, goals = PLANS[key]
        plan = LearningPlan(
            room=room,
            year=year,
            lessons_learned=lessons,
            results=results,
            learning_goals=goals,
        )
        plans[year] = services.save_learning_plan(plan, today=demo.today)
    return plans


def trainings(
    demo: Demo,
    room: Room,
    plans: dict[int, LearningPlan],
    people: list[Person],
    opened: date,
) -> None:
    """Two held trainings, most participants completed; one still to come. The
    first aid course of last autumn, or a month after a later opening."""
    first_aid = max(date(demo.today.year - 1, 10, 14), opened + timedelta(days=30))
    held = [
        ("EHBO voor vrijwilligers", "Rode Kruis Utrecht", first_aid, 0),
        ("De sociale kaart van de wijk", "Buurtteam", demo.day(40), 1),
    ]
    for title, provider, day, offset in held:
        if day > demo.today:
            continue
        course = training(demo, room, plans, title, provider, day)
        enrolled = [services.add_participant(course, p) for p in people[offset:][:4]]
        for participant in enrolled[:3]:
            services.record_completion(
                participant, completed_on=course.last_day, today=demo.today
            )
    coming = training(
        demo,
        room,
        plans,
        "Omgaan met lastig gedrag aan de balie",
        "Buurtacademie Utrecht",
        demo.day(-21),
    )
    for person in people[2:5]:
        services.add_participant(coming, person)


def training(
    demo: Demo,
    room: Room,
    plans: dict[int, LearningPlan],
    title: str,
    provider: str,
    day: date,
) -> Training:
    status = TrainingStatus.HELD if day <= demo.today else TrainingStatus.PLANNED
    course = Training(
        room=room,
        learning_plan=plans.get(day.year),
        title=title,
        provider=provider,
        starts_on=day,
        status=status,
    )
    return services.save_training(course, today=demo.today)


def evaluate(demo: Demo, room: Room, staff: User, evaluator: str) -> None:
    """An evaluation by a partner of the room's reach, with its report; one
    action done, one open for the staff's dashboard. And the team's own look
    at its work meetings."""
    evaluation = services.save_evaluation(
        Evaluation(
            room=room,
            theme="Bereik en betrokkenheid van buurtbewoners",
            evaluator=Evaluator.THIRD_PARTY,
            organisation=demo.organisations[evaluator],
            evaluator_name=signatory(evaluator),
            held_on=demo.day(120),
            findings=(
                "De kamer is bekend in de buurt en wordt gewaardeerd. Bezoekers "
                "komen vooral uit de straten rond de kamer; ouderen en "
                "jongeren zijn minder goed bereikt."
            ),
            recommendations=(
                "Zoek samenwerking met de jongerenwerkers en de wijkverpleging; "
                "maak de openingstijden beter zichtbaar."
            ),
        ),
        today=demo.today,
    )
    report = simple_pdf(
        f"Evaluatie {room.name}",
        ["Bereik en betrokkenheid van buurtbewoners", f"{evaluation.held_on:%d-%m-%Y}"],
    )
    upload = SimpleUploadedFile("evaluatie.pdf", report, "application/pdf")
    services.store_report(evaluation, upload, staff)
    done = services.add_follow_up(
        evaluation,
        action="Openingstijden op de gevel en in de wijkkrant",
        owner=staff,
        due_on=demo.day(90),
    )
    services.complete_follow_up(done, done_on=demo.day(95), today=demo.today)
    services.add_follow_up(
        evaluation,
        action="Kennismaking met het jongerenwerk plannen",
        owner=staff,
        due_on=demo.day(-14),
    )
    services.save_evaluation(
        Evaluation(
            room=room,
            theme="Werkoverleg en taakverdeling",
            evaluator=Evaluator.TEAM,
            held_on=demo.day(30),
            findings="Het werkoverleg is te lang; taken blijven liggen.",
            recommendations="Een vaste agenda van een uur; taken met een naam.",
        ),
        today=demo.today,
    )
