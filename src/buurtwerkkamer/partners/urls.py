from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("nieuw/", views.organisation_create, name="create"),
    path("<slug:organisation>/", views.organisation_detail, name="detail"),
    path("<slug:organisation>/wijzigen/", views.organisation_edit, name="edit"),
    path(
        "<slug:organisation>/contactpersoon/",
        views.contact_create,
        name="contact_create",
    ),
    path("contactpersoon/<uuid:contact>/", views.contact_edit, name="contact_edit"),
]
