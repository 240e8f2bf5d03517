from django.urls import path

from . import views

app_name = "teamwork"

urlpatterns = [
    path("", views.index, name="index"),
    path("kamer/<slug:room>/", views.room_page, name="room"),
    path("kamer/<slug:room>/huisregels/", views.rules_list, name="rules_list"),
    path(
        "kamer/<slug:room>/huisregels/nieuw/", views.rules_create, name="rules_create"
    ),
    path("huisregels/<uuid:rules>/", views.rules_detail, name="rules"),
    path("huisregels/<uuid:rules>/wijzigen/", views.rules_edit, name="rules_edit"),
    path("kamer/<slug:room>/overtredingen/", views.breach_list, name="breach_list"),
    path(
        "kamer/<slug:room>/overtredingen/nieuw/",
        views.breach_create,
        name="breach_create",
    ),
    path("overtreding/<uuid:breach>/", views.breach_detail, name="breach"),
    path("overtreding/<uuid:breach>/wijzigen/", views.breach_edit, name="breach_edit"),
    path("kamer/<slug:room>/afspraken/", views.agreement_list, name="agreement_list"),
    path(
        "kamer/<slug:room>/afspraken/nieuw/",
        views.agreement_create,
        name="agreement_create",
    ),
    path("afspraak/<uuid:workagreement>/", views.agreement_detail, name="agreement"),
    path(
        "afspraak/<uuid:workagreement>/wijzigen/",
        views.agreement_edit,
        name="agreement_edit",
    ),
    path(
        "afspraak/<uuid:workagreement>/opgevolgd/",
        views.agreement_done,
        name="agreement_done",
    ),
    path("kamer/<slug:room>/jaardoelen/", views.goal_list, name="goal_list"),
    path("kamer/<slug:room>/jaardoelen/nieuw/", views.goal_create, name="goal_create"),
    path("jaardoel/<uuid:goal>/", views.goal_detail, name="goal"),
    path("jaardoel/<uuid:goal>/wijzigen/", views.goal_edit, name="goal_edit"),
    path("jaardoel/<uuid:goal>/voortgang/", views.goal_note, name="goal_note"),
    path("kamer/<slug:room>/contacten/", views.contact_list, name="contact_list"),
    path(
        "kamer/<slug:room>/contacten/nieuw/",
        views.contact_create,
        name="contact_create",
    ),
    path("contact/<uuid:contactlog>/", views.contact_detail, name="contact"),
    path(
        "contact/<uuid:contactlog>/wijzigen/", views.contact_edit, name="contact_edit"
    ),
    path(
        "contact/<uuid:contactlog>/opgevolgd/",
        views.contact_done,
        name="contact_done",
    ),
]
