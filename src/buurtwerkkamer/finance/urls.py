from django.urls import path

from .views import bank, costs, journal, overview, petty_cash

app_name = "finance"

urlpatterns = [
    path("handgeld/", petty_cash.petty_cash, name="petty_cash"),
    path("rekening/", petty_cash.account_edit, name="account"),
    path("handgeld/goedkeuren/", petty_cash.run_approve, name="run_approve"),
    path(
        "handgeld/<slug:room>/goedkeuren/",
        petty_cash.transfer_approve,
        name="transfer_approve",
    ),
    path("betaalopdrachten/", petty_cash.batches, name="batches"),
    path("betaalopdrachten/nieuw/", petty_cash.batch_prepare, name="batch_prepare"),
    path("betaalopdrachten/<uuid:batch>/", petty_cash.batch_detail, name="batch"),
    path(
        "betaalopdrachten/<uuid:batch>/goedkeuren/",
        petty_cash.batch_approve,
        name="batch_approve",
    ),
    path(
        "betaalopdrachten/<uuid:batch>/downloaden/",
        petty_cash.batch_export,
        name="batch_export",
    ),
    path(
        "betaalopdrachten/<uuid:batch>/annuleren/",
        petty_cash.batch_cancel,
        name="batch_cancel",
    ),
    path("kamer/<slug:room>/", petty_cash.room_cash, name="room"),
    path("kamer/<slug:room>/afsluiten/", petty_cash.month_close, name="month_close"),
    path("kamer/<slug:room>/bevriezen/", petty_cash.year_freeze, name="year_freeze"),
    path(
        "kamer/<slug:room>/uitgave/", petty_cash.expense_create, name="expense_create"
    ),
    path("uitgave/<uuid:expense>/", petty_cash.expense_detail, name="expense"),
    path(
        "uitgave/<uuid:expense>/controle/",
        petty_cash.expense_check,
        name="expense_check",
    ),
    path(
        "uitgave/<uuid:expense>/terugbetaling/",
        petty_cash.expense_refund,
        name="expense_refund",
    ),
    path(
        "vaste-lasten/sjablonen/",
        costs.fixed_cost_templates,
        name="fixed_cost_templates",
    ),
    path(
        "vaste-lasten/genereren/",
        costs.fixed_cost_generate,
        name="fixed_cost_generate",
    ),
    path(
        "vaste-lasten/boeking/<uuid:cost>/corrigeren/",
        costs.fixed_cost_correct,
        name="fixed_cost_correct",
    ),
    path("vaste-lasten/kamer/<slug:room>/", costs.fixed_costs, name="fixed_costs"),
    path(
        "vaste-lasten/kamer/<slug:room>/boeken/",
        costs.fixed_cost_book,
        name="fixed_cost_book",
    ),
    path(
        "vaste-lasten/kamer/<slug:room>/sjabloon/",
        costs.fixed_cost_template_create,
        name="fixed_cost_template_create",
    ),
    path("begroting/<slug:room>/", costs.budget, name="budget"),
    path("begroting/<slug:room>/regel/", costs.budget_line_save, name="budget_line"),
    path("bank/", bank.statements, name="bank_statements"),
    path("bank/inlezen/", bank.statement_import, name="bank_import"),
    path(
        "bank/afschrift/<uuid:statement>/",
        bank.statement_detail,
        name="bank_statement",
    ),
    path(
        "bank/cooperatie/open/",
        bank.cooperative_unmatched,
        name="bank_cooperative",
    ),
    path("bank/kamer/<slug:room>/open/", bank.room_unmatched, name="bank_room"),
    path(
        "bank/transactie/<uuid:transaction>/koppelen/",
        bank.transaction_match,
        name="bank_match",
    ),
    path(
        "bank/transactie/<uuid:transaction>/ontkoppelen/",
        bank.transaction_unmatch,
        name="bank_unmatch",
    ),
    path("overzicht/", overview.overview, name="overview"),
    path(
        "kamer/<slug:room>/jaar/<int:year>/",
        overview.room_year,
        name="room_year",
    ),
    path(
        "kamer/<slug:room>/jaar/<int:year>/uitgaven/",
        overview.room_year_expenses,
        name="room_year_expenses",
    ),
    path("journaal/", journal.journal, name="journal"),
    path("journaal/<int:year>/xaf/", journal.journal_xaf, name="journal_xaf"),
    path("journaal/<int:year>/csv/", journal.journal_csv, name="journal_csv"),
]
