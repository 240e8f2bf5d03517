from django.urls import path

from . import views

app_name = "mediation"

urlpatterns = [
    path("", views.index, name="index"),
    path("kamer/<slug:room>/", views.room_page, name="room"),
    path("kamer/<slug:room>/nieuw/", views.case_create, name="case_create"),
    path(
        "kamer/<slug:room>/uitsluiting/",
        views.exclusion_create,
        name="exclusion_create",
    ),
    path("zaak/<uuid:case>/", views.case_detail, name="case"),
    path("zaak/<uuid:case>/wijzigen/", views.case_edit, name="case_edit"),
    path("zaak/<uuid:case>/gesprek/", views.session_add, name="session_add"),
    path("zaak/<uuid:case>/afsluiten/", views.case_close, name="case_close"),
    path("zaak/<uuid:case>/uitsluiting/", views.case_exclusion, name="case_exclusion"),
    path("uitsluiting/<uuid:exclusion>/", views.exclusion_detail, name="exclusion"),
    path(
        "uitsluiting/<uuid:exclusion>/beeindigen/",
        views.exclusion_end,
        name="exclusion_end",
    ),
]
