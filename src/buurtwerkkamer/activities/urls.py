from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("kamer/<slug:room>/", views.room_activities, name="room"),
    path("kamer/<slug:room>/nieuw/", views.activity_create, name="activity_create"),
    path("kamer/<slug:room>/cijfers/", views.room_figures, name="room_figures"),
    path("<uuid:activity>/", views.activity_detail, name="activity"),
    path("<uuid:activity>/wijzigen/", views.activity_edit, name="activity_edit"),
    path("<uuid:activity>/bijeenkomst/", views.session_record, name="record"),
    path(
        "bijeenkomst/<uuid:session>/corrigeren/",
        views.session_correct,
        name="session_correct",
    ),
]
