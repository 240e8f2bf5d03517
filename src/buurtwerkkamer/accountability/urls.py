from django.urls import path

from . import views

app_name = "accountability"

urlpatterns = [
    path("", views.index, name="index"),
    path("maken/", views.generate, name="generate"),
    path("<uuid:report>/", views.report_page, name="report"),
    path("<uuid:report>/pdf/", views.pdf, name="pdf"),
    path("<uuid:report>/teksten/", views.texts, name="texts"),
    path("<uuid:report>/indienen/", views.submit, name="submit"),
    path("<uuid:report>/beoordelen/", views.review, name="review"),
    path("<uuid:report>/goedkeuren/", views.approve, name="approve"),
    path("<uuid:report>/publiceren/", views.publish, name="publish"),
]
