from django.urls import path

from . import views

app_name = "brokering"

urlpatterns = [
    path("kamer/<slug:room>/", views.room_overview, name="room"),
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
