from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from buurtwerkkamer.core.forms import form_page
from buurtwerkkamer.core.guards import guard

from .constants import OrganisationKind
from .forms import ContactPersonForm, OrganisationForm
from .models import ContactPerson, Organisation


def organisation_for(user: Any, organisation: str) -> Organisation:
    return get_object_or_404(Organisation.objects.visible_to(user), slug=organisation)


@guard("partners.list_organisations")
def organisation_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    search = request.GET.get("q", "").strip()
    organisations = Organisation.objects.visible_to(request.user)
    if kind:
        organisations = organisations.filter(kind=kind)
    if search:
        organisations = organisations.filter(name__icontains=search)
    page = Paginator(organisations.order_by("name"), 25).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "kinds": OrganisationKind.choices,
        "kind": kind,
        "q": search,
    }
    return render(request, "partners/organisation_list.html", context)


@guard("partners.view_organisation", load=organisation_for)
def organisation_detail(
    request: HttpRequest, organisation: Organisation
) -> HttpResponse:
    context = {
        "organisation": organisation,
        "contacts": organisation.contacts.all(),
        "rooms": organisation.rooms.visible_to(request.user),
    }
    return render(request, "partners/organisation_detail.html", context)


@guard("partners.add_organisation")
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        messages.success(request, _("The organisation has been saved."))
        return redirect(organisation)
    return form_page(request, form, _("New organisation"))


@guard("partners.change_organisation", load=organisation_for)
def organisation_edit(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The organisation has been saved."))
        return redirect(organisation)
    title = _("Edit %(organisation)s") % {"organisation": organisation}
    return form_page(request, form, title, cancel_url=organisation.get_absolute_url())


def contact_for(user: Any, contact: str) -> ContactPerson:
    organisations = Organisation.objects.visible_to(user)
    return get_object_or_404(
        ContactPerson.objects.select_related("organisation"),
        uuid=contact,
        organisation__in=organisations,
    )


@guard("partners.change_contact", load=contact_for)
def contact_edit(request: HttpRequest, contact: ContactPerson) -> HttpResponse:
    organisation = contact.organisation
    form = ContactPersonForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The contact person has been saved."))
        return redirect(organisation)
    title = _("Contact person at %(organisation)s") % {"organisation": organisation}
    return form_page(request, form, title, cancel_url=organisation.get_absolute_url())


@guard("partners.change_organisation", load=organisation_for)
def contact_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = ContactPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.organisation = organisation
        contact.save()
        messages.success(request, _("The contact person has been added."))
        return redirect(organisation)
    title = _("New contact person at %(organisation)s") % {"organisation": organisation}
    return form_page(request, form, title, cancel_url=organisation.get_absolute_url())
