"""Pages of a room's team: house rules and breaches, work agreements, yearly
goals with their progress, and the contact log with partners."""

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.access.case_files import record_read
from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room
from buurtwerkkamer.rooms.queries import room_for

from . import services
from .forms import (
    BreachForm,
    DoneForm,
    GoalNoteForm,
    HouseRulesForm,
    PartnerContactForm,
    WorkAgreementForm,
    YearlyGoalForm,
)
from .models import Breach, HouseRules, PartnerContact, WorkAgreement, YearlyGoal
from .queries import (
    agreement_for,
    breach_for,
    coaching_sessions,
    contact_for,
    goal_for,
    goals_of,
    rules_for,
)

PAGE_SIZE = 25


def acting(request: HttpRequest) -> User:
    """The user behind the request; the guard let only the logged-in through."""
    return cast(User, request.user)


def year_of(request: HttpRequest) -> int:
    """The year asked for in `?jaar=`, or this one; nonsense falls back too."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return today.year
    return year if 2000 <= year <= today.year + 1 else today.year


def page_of(request: HttpRequest, records: Any) -> Any:
    return Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))


def room_url(name: str, room: Room) -> str:
    return reverse(f"teamwork:{name}", kwargs={"room": room.slug})


@guard("teamwork.view_index")
def index(request: HttpRequest) -> HttpResponse:
    rooms = Room.objects.visible_to(request.user)
    roles = roles_of(request.user)
    if not roles.reads_all:
        rooms = rooms.filter(pk__in=roles.rooms)
    context = {"page": page_of(request, rooms.order_by("name"))}
    return render(request, "teamwork/index.html", context)


@guard("teamwork.view_room", load=room_for)
def room_page(request: HttpRequest, room: Room) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "room": room,
        "rules": services.rules_in_effect(room, today),
        "next_rules": room.house_rules.filter(effective_from__gt=today)
        .order_by("effective_from")
        .first(),
    }
    return render(request, "teamwork/room.html", context)


# House rules.


@guard("teamwork.view_rules", load=room_for)
def rules_list(request: HttpRequest, room: Room) -> HttpResponse:
    versions = room.house_rules.select_related("written_by").order_by("-number")
    context = {
        "room": room,
        "page": page_of(request, versions),
        "today": timezone.localdate(),
    }
    return render(request, "teamwork/rules_list.html", context)


@guard("teamwork.change_rules", load=room_for)
def rules_create(request: HttpRequest, room: Room) -> HttpResponse:
    latest = room.house_rules.order_by("-number").first()
    initial: dict[str, Any] = {"effective_from": timezone.localdate()}
    if latest is not None:
        initial["text"] = latest.text
    record = HouseRules(room=room, written_by=acting(request))
    form = HouseRulesForm(request.POST or None, instance=record, initial=initial)
    title = _("New version of the house rules of %(room)s") % {"room": room}
    return save_form(request, form, title, room_url("rules_list", room))


@guard("teamwork.view_rules", load=rules_for)
def rules_detail(request: HttpRequest, rules: HouseRules) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "rules": rules,
        "room": rules.room,
        "in_effect": rules.in_effect(today),
        "current": services.rules_in_effect(rules.room, today),
    }
    return render(request, "teamwork/rules_detail.html", context)


@guard("teamwork.change_rules", load=rules_for)
def rules_edit(request: HttpRequest, rules: HouseRules) -> HttpResponse:
    form = HouseRulesForm(request.POST or None, instance=rules)
    title = _("Edit %(rules)s") % {"rules": rules}
    return save_form(request, form, title, rules.get_absolute_url())


# Breaches: case files.


@guard("teamwork.view_breach", load=room_for)
def breach_list(request: HttpRequest, room: Room) -> HttpResponse:
    breaches = room.breaches.select_related("person").order_by("-occurred_on", "-pk")
    context = {"room": room, "page": page_of(request, breaches)}
    return render(request, "teamwork/breach_list.html", context)


@guard("teamwork.change_breach", load=room_for)
def breach_create(request: HttpRequest, room: Room) -> HttpResponse:
    record = Breach(room=room, recorded_by=acting(request))
    form = BreachForm(
        request.POST or None,
        instance=record,
        room=room,
        initial={"occurred_on": timezone.localdate()},
    )
    title = _("Record a breach of the house rules")
    return save_form(request, form, title, room_url("breach_list", room))


@guard("teamwork.view_breach", load=breach_for)
def breach_detail(request: HttpRequest, breach: Breach) -> HttpResponse:
    record_read(breach)
    context = {"breach": breach, "room": breach.room}
    return render(request, "teamwork/breach_detail.html", context)


@guard("teamwork.change_breach", load=breach_for)
def breach_edit(request: HttpRequest, breach: Breach) -> HttpResponse:
    record_read(breach)
    form = BreachForm(request.POST or None, instance=breach, room=breach.room)
    title = _("Edit the breach of the house rules")
    return save_form(request, form, title, breach.get_absolute_url())


# Work agreements and coaching of team members.


@guard("teamwork.view_agreement", load=room_for)
def agreement_list(request: HttpRequest, room: Room) -> HttpResponse:
    agreements = room.work_agreements.select_related("person").order_by(
        "-agreed_on", "-pk"
    )
    context = {
        "room": room,
        "page": page_of(request, agreements),
        "today": timezone.localdate(),
    }
    return render(request, "teamwork/agreement_list.html", context)


@guard("teamwork.change_agreement", load=room_for)
def agreement_create(request: HttpRequest, room: Room) -> HttpResponse:
    record = WorkAgreement(room=room, recorded_by=acting(request))
    form = WorkAgreementForm(
        request.POST or None,
        instance=record,
        room=room,
        initial={"agreed_on": timezone.localdate()},
    )
    title = _("New agreement with a team member")
    return save_form(request, form, title, room_url("agreement_list", room))


@guard("teamwork.view_agreement", load=agreement_for)
def agreement_detail(request: HttpRequest, agreement: WorkAgreement) -> HttpResponse:
    context = {"agreement": agreement, "room": agreement.room}
    return render(request, "teamwork/agreement_detail.html", context)


@guard("teamwork.change_agreement", load=agreement_for)
def agreement_edit(request: HttpRequest, agreement: WorkAgreement) -> HttpResponse:
    form = WorkAgreementForm(
        request.POST or None, instance=agreement, room=agreement.room
    )
    title = _("Edit “%(subject)s”") % {"subject": agreement.subject}
    return save_form(request, form, title, agreement.get_absolute_url())


@guard("teamwork.change_agreement", load=agreement_for)
def agreement_done(request: HttpRequest, agreement: WorkAgreement) -> HttpResponse:
    return done_form(request, agreement)


# Yearly goals, with the coaching of the coordinator beside them.


@guard("teamwork.view_goals", load=room_for)
def goal_list(request: HttpRequest, room: Room) -> HttpResponse:
    year = year_of(request)
    context = {
        "room": room,
        "year": year,
        "goals": goals_of(room, year),
        "coaching": coaching_sessions(request.user, room, year),
    }
    return render(request, "teamwork/goal_list.html", context)


@guard("teamwork.change_goals", load=room_for)
def goal_create(request: HttpRequest, room: Room) -> HttpResponse:
    record = YearlyGoal(room=room, set_by=acting(request))
    form = YearlyGoalForm(
        request.POST or None,
        instance=record,
        initial={"year": timezone.localdate().year},
    )
    title = _("New yearly goal of %(room)s") % {"room": room}
    return save_form(request, form, title, room_url("goal_list", room))


@guard("teamwork.view_goals", load=goal_for)
def goal_detail(request: HttpRequest, goal: YearlyGoal) -> HttpResponse:
    context = {
        "goal": goal,
        "room": goal.room,
        "notes": goal.notes.select_related("written_by"),
    }
    return render(request, "teamwork/goal_detail.html", context)


@guard("teamwork.change_goals", load=goal_for)
def goal_edit(request: HttpRequest, goal: YearlyGoal) -> HttpResponse:
    form = YearlyGoalForm(request.POST or None, instance=goal)
    title = _("Edit the yearly goal")
    return save_form(request, form, title, goal.get_absolute_url())


@guard("teamwork.change_goals", load=goal_for)
def goal_note(request: HttpRequest, goal: YearlyGoal) -> HttpResponse:
    today = timezone.localdate()
    form = GoalNoteForm(request.POST or None, initial={"written_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_goal_note(
                goal, **form.cleaned_data, user=request.user, today=today
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The progress note has been added."))
            return redirect(goal)
    title = _("Progress on “%(goal)s”") % {"goal": goal}
    return form_page(request, form, title, cancel_url=goal.get_absolute_url())


# The contact log with partners.


@guard("teamwork.view_contacts", load=room_for)
def contact_list(request: HttpRequest, room: Room) -> HttpResponse:
    contacts = room.partner_contacts.select_related("organisation")
    organisations = Organisation.objects.filter(
        pk__in=room.partner_contacts.values("organisation_id")
    ).order_by("name")
    chosen = request.GET.get("organisatie", "")
    if chosen:
        contacts = contacts.filter(organisation__slug=chosen)
    context = {
        "room": room,
        "organisations": organisations,
        "chosen": chosen,
        "page": page_of(request, contacts.order_by("-contacted_on", "-pk")),
    }
    return render(request, "teamwork/contact_list.html", context)


@guard("teamwork.change_contacts", load=room_for)
def contact_create(request: HttpRequest, room: Room) -> HttpResponse:
    record = PartnerContact(room=room, recorded_by=acting(request))
    form = PartnerContactForm(
        request.POST or None,
        instance=record,
        user=request.user,
        initial={"contacted_on": timezone.localdate()},
    )
    title = _("Log a contact with a partner")
    return save_form(request, form, title, room_url("contact_list", room))


@guard("teamwork.view_contacts", load=contact_for)
def contact_detail(request: HttpRequest, contact: PartnerContact) -> HttpResponse:
    context = {"contact": contact, "room": contact.room}
    return render(request, "teamwork/contact_detail.html", context)


@guard("teamwork.change_contacts", load=contact_for)
def contact_edit(request: HttpRequest, contact: PartnerContact) -> HttpResponse:
    form = PartnerContactForm(request.POST or None, instance=contact, user=request.user)
    title = _("Edit “%(subject)s”") % {"subject": contact.subject}
    return save_form(request, form, title, contact.get_absolute_url())


@guard("teamwork.change_contacts", load=contact_for)
def contact_done(request: HttpRequest, contact: PartnerContact) -> HttpResponse:
    return done_form(request, contact)


def done_form(request: HttpRequest, record: Any) -> HttpResponse:
    today = timezone.localdate()
    form = DoneForm(request.POST or None, initial={"done_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up(record, **form.cleaned_data, today=today)
        except ValidationError as error:
            apply_errors(form, error, field="done_on")
        else:
            messages.success(request, _("The follow-up has been recorded."))
            return redirect(record)
    title = _("Followed up: %(subject)s") % {"subject": record.subject}
    return form_page(request, form, title, cancel_url=record.get_absolute_url())


def save_form(
    request: HttpRequest, form: ModelForm, title: str, cancel_url: str
) -> HttpResponse:
    """The page of a model form whose record a service saves: the service's
    refusal is explained at the field it concerns and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        try:
            SAVERS[type(record)](record, today=timezone.localdate())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(record)
    return form_page(request, form, title, cancel_url=cancel_url)


SAVERS: dict[type[Model], Any] = {
    HouseRules: services.save_house_rules,
    Breach: services.save_breach,
    WorkAgreement: services.save_work_agreement,
    YearlyGoal: services.save_goal,
    PartnerContact: services.save_partner_contact,
}
