from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/download/", views.register_download, name="register_download"),
    path("persoon/<uuid:person>/", views.person_page, name="person"),
    path("persoon/<uuid:person>/export/", views.person_export, name="export"),
    path("persoon/<uuid:person>/wissen/", views.person_erase, name="erase"),
]
