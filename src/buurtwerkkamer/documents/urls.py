from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [path("<uuid:document>/", views.download, name="download")]
