"""The board's privacy pages: the register of processing, and a person's
requests for their data and for erasure."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.core.exports import csv_response, xlsx_response
from buurtwerkkamer.core.forms import apply_errors, form_page
from buurtwerkkamer.core.guards import guard
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.people.views import person_for

from . import register as processing
from .forms import EraseForm
from .services import erase_person, export_person, restrictions


@guard("privacy.view_register")
def register(request: HttpRequest) -> HttpResponse:
    rows = processing.processing()
    return render(request, "privacy/register.html", {"rows": rows})


@guard("privacy.view_register")
def register_download(request: HttpRequest) -> HttpResponse:
    title = _("Register of processing")
    filename = f"verwerkingsregister-{timezone.localdate():%Y-%m-%d}"
    if request.GET.get("format") == "xlsx":
        return xlsx_response(
            f"{filename}.xlsx", title, processing.header(), processing.table()
        )
    return csv_response(f"{filename}.csv", processing.header(), processing.table())


@guard("privacy.handle_request", load=person_for)
def person_page(request: HttpRequest, person: Person) -> HttpResponse:
    found = restrictions(person, timezone.localdate())
    return render(
        request, "privacy/person.html", {"person": person, "restrictions": found}
    )


@guard("privacy.handle_request", load=person_for)
def person_export(request: HttpRequest, person: Person) -> HttpResponse:
    today = timezone.localdate()
    response = HttpResponse(
        export_person(person, today), content_type="application/json"
    )
    name = f"gegevens-{person.uuid}-{today:%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@guard("privacy.handle_request", load=person_for)
def person_erase(request: HttpRequest, person: Person) -> HttpResponse:
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            erasure = erase_person(person, timezone.localdate())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if erasure.name_kept_until:
                messages.warning(
                    request,
                    _(
                        "The person's data has been erased, except their name on "
                        "%(records)s, which the books need until %(date)s."
                    )
                    % {
                        "records": ", ".join(erasure.kept_for),
                        "date": erasure.name_kept_until.strftime("%d-%m-%Y"),
                    },
                )
            else:
                messages.success(request, _("The person's data has been erased."))
            return redirect("privacy:person", person=person.uuid)
    title = _("Erase %(person)s") % {"person": person}
    intro = _(
        "Contact details, login and notes about this person are erased; counts "
        "of sessions, hours and placements stay. This cannot be undone."
    )
    return form_page(
        request,
        form,
        title,
        intro=intro,
        submit_label=_("Erase"),
        cancel_url=person.get_absolute_url(),
    )
