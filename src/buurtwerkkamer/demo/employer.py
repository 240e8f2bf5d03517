"""The employer in the demo: the employment contracts of the team coordinators
whose salaries the finance demo booked (now linked to them), a freelance
contract of the project coach, extended once and ending soon, with a fee
invoice checked against it, a volunteer agreement, the recruitment of a new
project coach (applicants, interviews, one rejected), and in Overvecht
volunteers with their tasks, a certificate of conduct and monthly allowances,
one of them close to the tax-free limit. The placements' contracts come with
the placements demo. Made through the employer services, relative to the
demo's today; the people are fictional."""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Min

from buurtwerkkamer.employer import services, volunteers
from buurtwerkkamer.employer.constants import (
    ConductResult,
    ContractKind,
    PayBasis,
    Position,
)
from buurtwerkkamer.employer.models import Contract, StaffVacancy
from buurtwerkkamer.finance.constants import FixedCostCategory
from buurtwerkkamer.finance.costs import book_fixed_cost
from buurtwerkkamer.finance.models import FixedCost
from buurtwerkkamer.people.models import Person

from .context import Demo, add_months
from .facts.finance import ROOM_MONEY
from .facts.rooms import ONDIEP, OVERVECHT

COACH_FEE = Decimal("62.50")
COACH_HOURS = Decimal("12.0")


def person_named(name: str) -> Person:
    first, last = name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


def build_employer(demo: Demo) -> None:
    for money in ROOM_MONEY:
        for fact in money.contracts:
            coordinator_contract(demo, money.slug, fact)
    coach_contract(demo)
    volunteer_agreement(demo)
    recruitment(demo)
    room_volunteers(demo)


def coordinator_contract(demo: Demo, slug: str, fact: object) -> Contract:
    """A fixed-term employment contract from the first salary booked; the
    salaries booked as text references are linked to it. The link is made
    afterwards because the finance demo books them first; a booking itself is
    never changed otherwise."""
    salaries = FixedCost.objects.filter(
        contract_reference=fact.reference,  # type: ignore[attr-defined]
        category=FixedCostCategory.SALARIES,
    )
    first = salaries.aggregate(first=Min("month"))["first"] or demo.today.replace(day=1)
    ended = fact.ended_ago  # type: ignore[attr-defined]
    ends_on = demo.day(ended) if ended else add_months(demo.today.replace(day=1), 3)
    contract = services.create_contract(
        person_named(fact.employee),  # type: ignore[attr-defined]
        ContractKind.EMPLOYMENT,
        position=Position.TEAM_COORDINATOR,
        rooms=[demo.rooms[slug]],
        starts_on=first,
        ends_on=ends_on - timedelta(days=1) if not ended else ends_on,
        hours_per_week=Decimal("28.0"),
        pay=fact.monthly_cost,  # type: ignore[attr-defined]
        pay_basis=PayBasis.MONTH,
    )
    salaries.update(contract=contract)
    if not ended:
        services.plan_evaluation(contract, due_on=demo.day(-20))
    return contract


def coach_contract(demo: Demo) -> Contract:
    """The project coach works freelance for two rooms: a first period of six
    months, extended by a period that ends within the deadline window. Her
    invoice of last month is booked on the extension and fits its hours."""
    first_month = demo.today.replace(day=1)
    first = services.create_contract(
        person_named("Sanne Jansen"),
        ContractKind.FREELANCE,
        position=Position.PROJECT_COACH,
        rooms=[demo.rooms[ONDIEP.slug], demo.rooms["hoograven"]],
        starts_on=add_months(first_month, -10),
        ends_on=add_months(first_month, -4) - timedelta(days=1),
        hours_per_week=COACH_HOURS,
        pay=COACH_FEE,
        pay_basis=PayBasis.HOUR,
    )
    contract = services.extend_contract(first, ends_on=demo.day(-45))
    # Last month: the finance demo books salaries up to the month that ended.
    month = add_months(first_month, -1)
    book_fixed_cost(
        demo.rooms[ONDIEP.slug],
        demo.users["penningmeester"],
        month=month,
        category=FixedCostCategory.SALARIES,
        supplier="Jansen Coaching",
        invoice_reference=f"JC-{month:%Y%m}",
        amount=COACH_FEE * Decimal("40"),
        description="Projectcoaching, 40 uur",
        contract_reference="ZZP-JANSEN",
        contract=contract,
    )
    return contract


def volunteer_agreement(demo: Demo) -> Contract:
    """Henk hosts the coffee mornings in Overvecht under a volunteer agreement
    without an end."""
    return services.create_contract(
        person_named("Henk van Dijk"),
        ContractKind.VOLUNTEER,
        rooms=[demo.rooms[OVERVECHT.slug]],
        starts_on=demo.day(1000),
        ends_on=None,
        hours_per_week=Decimal("4.0"),
    )


# Fictional applicants for the new project coach: (name, e-mail, interviewed
# days ago or None, rejected).
APPLICANTS = (
    ("Noor de Wit", "noor.dewit@example.nl", 12, False),
    ("Ruben Prins", "ruben.prins@example.nl", 15, True),
    ("Fatma Yildiz", "fatma.yildiz@example.nl", None, False),
)


def recruitment(demo: Demo) -> StaffVacancy:
    """The board looks for a second project coach for the cooperative: three
    applicants, two interviewed, one of them rejected, no decision yet on the
    others."""
    vacancy = services.save_vacancy(
        StaffVacancy(
            title="Projectcoach Utrecht-West",
            position=Position.PROJECT_COACH,
            hours_per_week=Decimal("16.0"),
            description="Coacht de teams van twee nieuwe BuurtWerkKamers.",
            opened_on=demo.day(40),
        )
    )
    for name, email, interviewed, rejected in APPLICANTS:
        applicant = services.add_applicant(vacancy, name=name, email=email)
        if interviewed is None:
            continue
        services.add_interview(
            applicant,
            held_on=demo.day(interviewed),
            notes="Gesprek met twee bestuursleden over coaching van vrijwilligers.",
            today=demo.today,
        )
        if rejected:
            services.reject_applicant(applicant, today=demo.day(interviewed - 2))
    return vacancy


def room_volunteers(demo: Demo) -> None:
    room = demo.rooms[OVERVECHT.slug]
    henk, gerda = person_named("Henk van Dijk"), person_named("Gerda Pronk")
    volunteers.record_certificate(
        gerda,
        room,
        issued_on=demo.day(400),
        result=ConductResult.ISSUED,
        today=demo.today,
    )
    volunteers.add_task(
        gerda,
        room,
        task="Huiswerkbegeleiding kinderen",
        needs_certificate=True,
        starts_on=demo.day(380),
    )
    volunteers.add_task(
        henk,
        room,
        task="Gastheer koffieochtend",
        needs_certificate=False,
        starts_on=demo.day(1000),
    )
    this_month = demo.today.replace(day=1)
    if volunteers.limits_for(this_month.year) is None:
        return  # No tax-free limits set for this year: no allowances paid.
    for back in range(3, 0, -1):
        month = add_months(this_month, -back)
        if month.year != demo.today.year:
            continue
        volunteers.pay_allowance(henk, room, month=month, amount=Decimal("50.00"))
    # Gerda comes close to the monthly limit: the page warns.
    volunteers.pay_allowance(gerda, room, month=this_month, amount=Decimal("195.00"))
