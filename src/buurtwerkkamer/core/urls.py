from django.conf import settings
from django.urls import path

from . import bench, health, views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("taken/<uuid:job>/", views.job, name="job"),
    path("gezond/", health.health, name="health"),
]

if settings.BWK_BENCH:
    urlpatterns.append(path("bench/bare/", bench.bare, name="bench_bare"))
