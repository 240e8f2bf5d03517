from django.urls import path

from . import views, views_bank, views_costs, views_journal, views_overview

app_name = "finance"

urlpatterns = [
    path("handgeld/", views.petty_cash, name="petty_cash"),
    path("rekening/", views.account_edit, name="account"),
    path("handgeld/goedkeuren/", views.run_approve, name="run_approve"),
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
    path("kamer/<slug:room>/afsluiten/", views.month_close, name="month_close"),
    path("kamer/<slug:room>/bevriezen/", views.year_freeze, name="year_freeze"),
    path("kamer/<slug:room>/uitgave/", views.expense_create, name="expense_create"),
    path("uitgave/<uuid:expense>/", views.expense_detail, name="expense"),
    path("uitgave/<uuid:expense>/controle/", views.expense_check, name="expense_check"),
    path(
        "uitgave/<uuid:expense>/terugbetaling/",
        views.expense_refund,
        name="expense_refund",
    ),
    path(
        "vaste-lasten/sjablonen/",
        views_costs.fixed_cost_templates,
        name="fixed_cost_templates",
    ),
    path(
        "vaste-lasten/genereren/",
        views_costs.fixed_cost_generate,
        name="fixed_cost_generate",
    ),
    path(
        "vaste-lasten/boeking/<uuid:cost>/corrigeren/",
        views_costs.fixed_cost_correct,
        name="fixed_cost_correct",
    ),
    path(
        "vaste-lasten/kamer/<slug:room>/", views_costs.fixed_costs, name="fixed_costs"
    ),
    path(
        "vaste-lasten/kamer/<slug:room>/boeken/",
        views_costs.fixed_cost_book,
        name="fixed_cost_book",
    ),
    path(
        "vaste-lasten/kamer/<slug:room>/sjabloon/",
        views_costs.fixed_cost_template_create,
        name="fixed_cost_template_create",
    ),
    path("begroting/<slug:room>/", views_costs.budget, name="budget"),
    path(
        "begroting/<slug:room>/regel/", views_costs.budget_line_save, name="budget_line"
    ),
    path("bank/", views_bank.statements, name="bank_statements"),
    path("bank/inlezen/", views_bank.statement_import, name="bank_import"),
    path(
        "bank/afschrift/<uuid:statement>/",
        views_bank.statement_detail,
        name="bank_statement",
    ),
    path(
        "bank/cooperatie/open/",
        views_bank.cooperative_unmatched,
        name="bank_cooperative",
    ),
    path("bank/kamer/<slug:room>/open/", views_bank.room_unmatched, name="bank_room"),
    path(
        "bank/transactie/<uuid:transaction>/koppelen/",
        views_bank.transaction_match,
        name="bank_match",
    ),
    path(
        "bank/transactie/<uuid:transaction>/ontkoppelen/",
        views_bank.transaction_unmatch,
        name="bank_unmatch",
    ),
    path("overzicht/", views_overview.overview, name="overview"),
    path(
        "kamer/<slug:room>/jaar/<int:year>/",
        views_overview.room_year,
        name="room_year",
    ),
    path(
        "kamer/<slug:room>/jaar/<int:year>/uitgaven/",
        views_overview.room_year_expenses,
        name="room_year_expenses",
    ),
    path("journaal/", views_journal.journal, name="journal"),
    path("journaal/<int:year>/xaf/", views_journal.journal_xaf, name="journal_xaf"),
    path("journaal/<int:year>/csv/", views_journal.journal_csv, name="journal_csv"),
]
