from django.urls import path

from . import views, views_staff

app_name = "employer"

urlpatterns = [
    path("", views.index, name="index"),
    path("contract/nieuw/", views.contract_create, name="contract_create"),
    path("contract/<uuid:contract>/", views.contract_detail, name="contract"),
    path(
        "contract/<uuid:contract>/verlengen/",
        views.contract_extend,
        name="contract_extend",
    ),
    path(
        "contract/<uuid:contract>/beeindigen/", views.contract_end, name="contract_end"
    ),
    path(
        "contract/<uuid:contract>/document/",
        views.contract_document,
        name="contract_document",
    ),
    path(
        "contract/<uuid:contract>/evaluatie/",
        views.evaluation_plan,
        name="evaluation_plan",
    ),
    path(
        "evaluatie/<uuid:contractevaluation>/",
        views.evaluation_record,
        name="evaluation_record",
    ),
    path("vacatures/", views_staff.vacancies, name="vacancies"),
    path("vacatures/nieuw/", views_staff.vacancy_create, name="vacancy_create"),
    path("vacature/<uuid:vacancy>/", views_staff.vacancy_detail, name="vacancy"),
    path(
        "vacature/<uuid:vacancy>/sollicitant/",
        views_staff.applicant_add,
        name="applicant_add",
    ),
    path(
        "sollicitant/<uuid:applicant>/", views_staff.applicant_detail, name="applicant"
    ),
    path(
        "sollicitant/<uuid:applicant>/gesprek/",
        views_staff.interview_add,
        name="interview_add",
    ),
    path(
        "sollicitant/<uuid:applicant>/afwijzen/",
        views_staff.applicant_reject,
        name="applicant_reject",
    ),
    path(
        "sollicitant/<uuid:applicant>/aannemen/",
        views_staff.applicant_hire,
        name="applicant_hire",
    ),
    path(
        "kamer/<slug:room>/vrijwilligers/",
        views_staff.room_volunteers,
        name="volunteers",
    ),
    path("kamer/<slug:room>/taak/", views_staff.task_add, name="task_add"),
    path("kamer/<slug:room>/vog/", views_staff.certificate_add, name="certificate_add"),
    path(
        "kamer/<slug:room>/vergoeding/",
        views_staff.allowance_add,
        name="allowance_add",
    ),
]
