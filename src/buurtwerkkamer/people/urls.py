from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="list"),
    path("nieuw/", views.person_create, name="create"),
    path("leden/", views.register, name="register"),
    path("leden/nieuw/", views.membership_create, name="membership_create"),
    path("leden/<uuid:membership>/", views.membership_edit, name="membership_edit"),
    path("<uuid:person>/", views.person_detail, name="detail"),
    path("<uuid:person>/wijzigen/", views.person_edit, name="edit"),
]
