from django.urls import path

from . import views

app_name = "startup"

urlpatterns = [
    path("<slug:room>/", views.track, name="track"),
    path("<slug:room>/volgende-fase/", views.advance, name="advance"),
    path("<slug:room>/gesprek/", views.talk_create, name="talk_create"),
    path("<slug:room>/locatie/", views.location_create, name="location_create"),
    path("<slug:room>/checklist/", views.checklist_start, name="checklist_start"),
    path("<slug:room>/checklist/stap/", views.checklist_add, name="checklist_add"),
    path("locatie/<uuid:location>/", views.location_edit, name="location_edit"),
    path("gesprek/<uuid:talk>/", views.talk_edit, name="talk_edit"),
    path(
        "locatie/<uuid:location>/kiezen/", views.location_choose, name="location_choose"
    ),
    path("stap/<uuid:item>/", views.checklist_tick, name="checklist_tick"),
]
