"""Annual reports in the demo, made through the accountability services: the
frozen year's report of Overvecht taken the whole route to publication (with
the audit committee's advice in it), last year's reports of the operational
rooms as drafts with the team's texts, Overvecht's submitted; and the audit
committee at work on last year: its sample drawn, a cash count and a finding
with its follow-up."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from buurtwerkkamer.accountability import audit, route
from buurtwerkkamer.accountability.constants import Chapter
from buurtwerkkamer.accountability.models import AnnualReport

from .context import Demo
from .facts.rooms import OPERATIONAL_ROOMS, OVERVECHT

TEXTS = {
    Chapter.ACTIVITIES: (
        "De kookclub en de formulierenbrigade zijn het hart van de kamer. "
        "Op woensdag koken we met gemiddeld twaalf buren."
    ),
    Chapter.VOLUNTEERS: "Een vaste groep vrijwilligers draagt de openingstijden.",
    Chapter.FINANCE: "De begroting is gehaald; het handgeld ging vooral naar eten.",
}


def build_accountability(demo: Demo) -> None:
    frozen, last = demo.today.year - 2, demo.today.year - 1
    board = demo.users["bestuur"]
    audit.save_advice(
        audit.audit_of(frozen),
        "De kascommissie heeft de boeken gecontroleerd en in orde bevonden. "
        "Wij adviseren de algemene ledenvergadering het bestuur decharge te verlenen.",
    )
    published = _report(demo, frozen, OVERVECHT.slug)
    route.submit(published, board)
    route.review(published, demo.users["kascommissie"], _committee(demo), passed=True)
    route.approve(published, demo.users["accountant"], _statement(), today=demo.today)
    route.publish(published, board)
    for fact in OPERATIONAL_ROOMS:
        report = _report(demo, last, fact.slug)
        if fact is OVERVECHT:
            route.submit(report, board)
    _audit_at_work(demo, last)


def _report(demo: Demo, year: int, slug: str) -> AnnualReport:
    report = route.open_report(year, demo.rooms[slug])[0]
    return route.save_texts(report, {code: text for code, text in TEXTS.items()})


def _committee(demo: Demo) -> list:
    return [demo.users["kascommissie"], demo.users["kascommissie2"]]


def _statement() -> SimpleUploadedFile:
    from weasyprint import HTML

    data = HTML(
        string="<h1>Controleverklaring</h1><p>Goedkeurende verklaring bij de "
        "jaarrapportage van BuurtWerkKamer Overvecht.</p>"
    ).write_pdf()
    return SimpleUploadedFile("controleverklaring.pdf", data)


def _audit_at_work(demo: Demo, year: int) -> None:
    member = demo.users["kascommissie"]
    found = audit.audit_of(year)
    audit.draw_sample(found, member)
    room = demo.rooms[OVERVECHT.slug]
    day = demo.day(20)
    booked = audit.booked_balance(room, day)
    audit.record_count(
        found, room, day, booked - Decimal("2.50"), member, today=demo.today
    )
    finding = audit.add_finding(
        found, "Het kasverschil van EUR 2,50 is niet verklaard.", member, room
    )
    audit.follow_up(finding, "De teamcoördinator zoekt de bon van die week op.", None)
