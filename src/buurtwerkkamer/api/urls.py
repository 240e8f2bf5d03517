from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from .accountability import AnnualReportViewSet
from .activities import ActivityViewSet, SessionViewSet
from .auth import ObtainTokenView
from .brokering import (
    AgreementViewSet,
    FundingApplicationViewSet,
    ResultObligationViewSet,
)
from .development import EvaluationViewSet, LearningPlanViewSet, TrainingViewSet
from .employer import (
    ApplicantViewSet,
    ConductCertificateViewSet,
    ContractEvaluationViewSet,
    ContractViewSet,
    StaffVacancyViewSet,
    VolunteerAllowanceViewSet,
    VolunteerTaskViewSet,
)
from .finance import (
    BankTransactionViewSet,
    BudgetViewSet,
    ExpenseViewSet,
    FixedCostViewSet,
    TransferViewSet,
)
from .mediation import ExclusionViewSet, MediationCaseViewSet
from .meetings import MeetingViewSet
from .partners import ContactPersonViewSet, OrganisationViewSet
from .people import PersonViewSet
from .placements import (
    CandidateViewSet,
    PlacementVacancyViewSet,
    PlacementViewSet,
    SignalViewSet,
)
from .rooms import RoomViewSet
from .startup import (
    ChecklistItemViewSet,
    LocationViewSet,
    StageChangeViewSet,
    TalkViewSet,
)
from .teamwork import (
    BreachViewSet,
    HouseRulesViewSet,
    PartnerContactViewSet,
    WorkAgreementViewSet,
    YearlyGoalViewSet,
)

app_name = "api"

router = DefaultRouter()
router.include_root_view = False
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("contacts", ContactPersonViewSet, basename="contact")
router.register("rooms", RoomViewSet, basename="room")
router.register("people", PersonViewSet, basename="person")
router.register("activities", ActivityViewSet, basename="activity")
router.register("sessions", SessionViewSet, basename="session")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register(
    "result-obligations", ResultObligationViewSet, basename="resultobligation"
)
router.register(
    "funding-applications", FundingApplicationViewSet, basename="fundingapplication"
)
router.register("evaluations", EvaluationViewSet, basename="evaluation")
router.register("learning-plans", LearningPlanViewSet, basename="learningplan")
router.register("trainings", TrainingViewSet, basename="training")
router.register("talks", TalkViewSet, basename="talk")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("house-rules", HouseRulesViewSet, basename="houserules")
router.register("breaches", BreachViewSet, basename="breach")
router.register("work-agreements", WorkAgreementViewSet, basename="workagreement")
router.register("yearly-goals", YearlyGoalViewSet, basename="yearlygoal")
router.register("partner-contacts", PartnerContactViewSet, basename="partnercontact")
router.register("mediation-cases", MediationCaseViewSet, basename="mediationcase")
router.register("exclusions", ExclusionViewSet, basename="exclusion")
router.register("contracts", ContractViewSet, basename="contract")
router.register(
    "contract-evaluations", ContractEvaluationViewSet, basename="contractevaluation"
)
router.register("staff-vacancies", StaffVacancyViewSet, basename="staffvacancy")
router.register("applicants", ApplicantViewSet, basename="applicant")
router.register("volunteer-tasks", VolunteerTaskViewSet, basename="volunteertask")
router.register(
    "conduct-certificates", ConductCertificateViewSet, basename="conductcertificate"
)
router.register(
    "volunteer-allowances", VolunteerAllowanceViewSet, basename="volunteerallowance"
)
router.register(
    "placement-vacancies", PlacementVacancyViewSet, basename="placementvacancy"
)
router.register("candidates", CandidateViewSet, basename="candidate")
router.register("placements", PlacementViewSet, basename="placement")
router.register("signals", SignalViewSet, basename="signal")
router.register("locations", LocationViewSet, basename="location")
router.register("checklist-items", ChecklistItemViewSet, basename="checklistitem")
router.register("stage-changes", StageChangeViewSet, basename="stagechange")
router.register("budgets", BudgetViewSet, basename="budget")
router.register("fixed-costs", FixedCostViewSet, basename="fixedcost")
router.register("transfers", TransferViewSet, basename="transfer")
router.register("expenses", ExpenseViewSet, basename="expense")
router.register("bank-transactions", BankTransactionViewSet, basename="banktransaction")
router.register("annual-reports", AnnualReportViewSet, basename="annualreport")

urlpatterns = [
    path("token/", ObtainTokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: the CSP runs no inline one.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("", include(router.urls)),
]
