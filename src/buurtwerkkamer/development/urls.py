from django.urls import path

from . import views

app_name = "development"

urlpatterns = [
    path("", views.index, name="index"),
    path("kamer/<slug:room>/", views.room_page, name="room"),
    path("kamer/<slug:room>/leerplan/", views.plan_create, name="plan_create"),
    path(
        "kamer/<slug:room>/evaluatie/",
        views.evaluation_create,
        name="evaluation_create",
    ),
    path("kamer/<slug:room>/training/", views.training_create, name="training_create"),
    path("leerplan/<uuid:plan>/", views.plan_detail, name="plan"),
    path("leerplan/<uuid:plan>/wijzigen/", views.plan_edit, name="plan_edit"),
    path("evaluatie/<uuid:evaluation>/", views.evaluation_detail, name="evaluation"),
    path(
        "evaluatie/<uuid:evaluation>/wijzigen/",
        views.evaluation_edit,
        name="evaluation_edit",
    ),
    path(
        "evaluatie/<uuid:evaluation>/rapport/",
        views.report_upload,
        name="report_upload",
    ),
    path(
        "evaluatie/<uuid:evaluation>/actie/",
        views.follow_up_create,
        name="follow_up_create",
    ),
    path("actie/<uuid:followup>/gedaan/", views.follow_up_done, name="follow_up_done"),
    path("training/<uuid:training>/", views.training_detail, name="training"),
    path(
        "training/<uuid:training>/wijzigen/",
        views.training_edit,
        name="training_edit",
    ),
    path(
        "training/<uuid:training>/deelnemer/",
        views.participant_add,
        name="participant_add",
    ),
    path(
        "deelnemer/<uuid:participant>/afgerond/",
        views.participant_complete,
        name="participant_complete",
    ),
]
