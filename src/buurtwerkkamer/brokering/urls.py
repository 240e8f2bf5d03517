from django.urls import path

from . import views, views_annual

app_name = "brokering"

urlpatterns = [
    path("kamer/<slug:room>/", views.room_overview, name="room"),
    path("jaarafspraken/", views_annual.annual_overview, name="annual_overview"),
    path("<uuid:agreement>/kopie/", views_annual.agreement_copy, name="copy"),
    path(
        "<uuid:agreement>/onderhandelen/",
        views_annual.agreement_negotiate,
        name="negotiate",
    ),
    path("<uuid:agreement>/wijziging/", views_annual.agreement_amend, name="amend"),
    path(
        "<uuid:agreement>/resultaat/",
        views_annual.obligation_create,
        name="obligation_create",
    ),
    path(
        "<uuid:agreement>/investering/",
        views_annual.investment_create,
        name="investment_create",
    ),
    path(
        "resultaat/<uuid:obligation>/waarde/",
        views_annual.value_create,
        name="value_create",
    ),
    path(
        "aanvraag/<uuid:application>/rapportage/",
        views_annual.reporting_create,
        name="reporting_create",
    ),
    path(
        "rapportage/<uuid:reporting>/gedaan/",
        views_annual.reporting_done,
        name="reporting_done",
    ),
    path("kamer/<slug:room>/nieuw/", views.agreement_create, name="agreement_create"),
    path("kamer/<slug:room>/aanvraag/", views.funding_create, name="funding_create"),
    path("<uuid:agreement>/", views.agreement_detail, name="agreement"),
    path("<uuid:agreement>/partij/", views.party_add, name="party_add"),
    path("<uuid:agreement>/document/", views.signed_document_upload, name="upload"),
    path("partij/<uuid:party>/tekenen/", views.party_sign, name="sign"),
    path(
        "partij/<uuid:party>/toezegging/",
        views.party_commitment,
        name="commitment",
    ),
    path("aanvraag/<uuid:application>/", views.funding_detail, name="funding"),
    path(
        "aanvraag/<uuid:application>/besluit/",
        views.decision_letter_upload,
        name="decision_letter",
    ),
    path(
        "aanvraag/<uuid:application>/wijzigen/", views.funding_edit, name="funding_edit"
    ),
]
