from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard

from .forms import MembershipEditForm, MembershipForm, PersonForm
from .models import Membership, Person
from .services import register_member, update_membership


def person_for(user: Any, person: str) -> Person:
    return get_object_or_404(Person.objects.visible_to(user), uuid=person)


@guard("people.list_people")
def person_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()
    people = Person.objects.visible_to(request.user)
    if search:
        people = people.filter(last_name__icontains=search) | people.filter(
            first_name__icontains=search
        )
    page = Paginator(people.order_by("last_name", "first_name"), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "people/person_list.html", {"page": page, "q": search})


@guard("people.view_person", load=person_for)
def person_detail(request: HttpRequest, person: Person) -> HttpResponse:
    context = {
        "person": person,
        "rooms": person.rooms.visible_to(request.user),
        "memberships": person.memberships.all(),
    }
    return render(request, "people/person_detail.html", context)


@guard("people.add_person")
def person_create(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            person = form.save_with_rooms()
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The person has been saved."))
            return redirect(person)
    return form_page(request, form, _("New person"))


@guard("people.change_person", load=person_for)
def person_edit(request: HttpRequest, person: Person) -> HttpResponse:
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            form.save_with_rooms()
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The person has been saved."))
            return redirect(person)
    title = _("Edit %(person)s") % {"person": person}
    return form_page(request, form, title, cancel_url=person.get_absolute_url())


@guard("people.view_register")
def register(request: HttpRequest) -> HttpResponse:
    current = request.GET.get("current", "") == "1"
    members = Membership.objects.visible_to(request.user).select_related("person")
    if current:
        members = members.filter(left_on__isnull=True)
    page = Paginator(members.order_by("number"), 50).get_page(request.GET.get("page"))
    return render(request, "people/register.html", {"page": page, "current": current})


@guard("people.change_membership")
def membership_create(request: HttpRequest) -> HttpResponse:
    form = MembershipForm(request.POST or None)
    form.fields["person"].queryset = Person.objects.visible_to(request.user)  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        membership = register_member(
            form.cleaned_data["person"],
            kind=form.cleaned_data["kind"],
            joined_on=form.cleaned_data["joined_on"],
        )
        messages.success(
            request,
            _("%(person)s is member number %(number)s.")
            % {"person": membership.person, "number": membership.number},
        )
        return redirect("people:register")
    return form_page(request, form, _("Register a member"))


def membership_for(user: Any, membership: str) -> Membership:
    return get_object_or_404(
        Membership.objects.visible_to(user).select_related("person"), uuid=membership
    )


@guard("people.change_membership", load=membership_for)
def membership_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = MembershipEditForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        update_membership(membership, **form.cleaned_data)
        messages.success(request, _("The membership has been saved."))
        return redirect("people:register")
    title = _("Membership %(number)s of %(person)s") % {
        "number": membership.number,
        "person": membership.person,
    }
    return form_page(request, form, title, cancel_url=reverse("people:register"))
