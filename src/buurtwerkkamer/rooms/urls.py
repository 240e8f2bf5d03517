from django.urls import path

from . import views

app_name = "rooms"

urlpatterns = [
    path("", views.room_list, name="list"),
    path("nieuw/", views.room_create, name="create"),
    path("<slug:room>/", views.room_detail, name="detail"),
    path("<slug:room>/wijzigen/", views.room_edit, name="edit"),
    path("<slug:room>/rekening/", views.bank_account_edit, name="bank_account"),
    path("<slug:room>/fase/", views.operating_stage_edit, name="operating_stage"),
]
