from django.urls import path

from . import views

app_name = "placements"

urlpatterns = [
    path("", views.index, name="index"),
    path("kamer/<slug:room>/", views.room_page, name="room"),
    path("kamer/<slug:room>/vacature/", views.vacancy_create, name="vacancy_create"),
    path(
        "kamer/<slug:room>/kandidaat/", views.candidate_create, name="candidate_create"
    ),
    path("kandidaat/<uuid:candidate>/", views.candidate_detail, name="candidate"),
    path("kandidaat/<uuid:candidate>/intake/", views.intake, name="intake"),
    path("kandidaat/<uuid:candidate>/gesprek/", views.interview, name="interview"),
    path("kandidaat/<uuid:candidate>/plaatsen/", views.place, name="place"),
    path("plaatsing/<uuid:placement>/", views.placement_detail, name="placement"),
    path(
        "plaatsing/<uuid:placement>/evaluatie/",
        views.evaluation_plan,
        name="evaluation_plan",
    ),
    path("plaatsing/<uuid:placement>/verlengen/", views.extend, name="extend"),
    path("plaatsing/<uuid:placement>/afronden/", views.end, name="end"),
    path(
        "plaatsing/<uuid:placement>/signalering/",
        views.signal_create,
        name="signal_create",
    ),
    path("signalering/<uuid:signal>/", views.signal_detail, name="signal"),
    path("signalering/<uuid:signal>/contact/", views.contact_add, name="contact_add"),
    path("signalering/<uuid:signal>/opgelost/", views.resolve, name="resolve"),
]
