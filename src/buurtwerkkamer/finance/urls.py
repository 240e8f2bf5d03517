from django.urls import path

from . import views

app_name = "finance"

urlpatterns = [
    path("handgeld/", views.petty_cash, name="petty_cash"),
    path("rekening/", views.account_edit, name="account"),
    path(
        "handgeld/<slug:room>/goedkeuren/",
        views.transfer_approve,
        name="transfer_approve",
    ),
    path("betaalopdrachten/", views.batches, name="batches"),
    path("betaalopdrachten/nieuw/", views.batch_prepare, name="batch_prepare"),
    path("betaalopdrachten/<uuid:batch>/", views.batch_detail, name="batch"),
    path(
        "betaalopdrachten/<uuid:batch>/goedkeuren/",
        views.batch_approve,
        name="batch_approve",
    ),
    path(
        "betaalopdrachten/<uuid:batch>/downloaden/",
        views.batch_export,
        name="batch_export",
    ),
    path(
        "betaalopdrachten/<uuid:batch>/annuleren/",
        views.batch_cancel,
        name="batch_cancel",
    ),
    path("kamer/<slug:room>/", views.room_cash, name="room"),
    path("kamer/<slug:room>/uitgave/", views.expense_create, name="expense_create"),
    path("uitgave/<uuid:expense>/", views.expense_detail, name="expense"),
    path("uitgave/<uuid:expense>/controle/", views.expense_check, name="expense_check"),
    path(
        "uitgave/<uuid:expense>/terugbetaling/",
        views.expense_refund,
        name="expense_refund",
    ),
]
