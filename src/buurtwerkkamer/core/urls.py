from django.urls import path

from . import health, views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("taken/<uuid:job>/", views.job, name="job"),
    path("gezond/", health.health, name="health"),
]
