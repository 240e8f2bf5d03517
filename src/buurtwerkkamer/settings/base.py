"""Settings shared by every environment; each value that differs per machine is read
from the environment."""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("BWK_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    # Ours first where templates overlap: accounts' registration pages, not the admin's.
    "buurtwerkkamer.accounts",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "buurtwerkkamer.core",
    "buurtwerkkamer.documents",
    "buurtwerkkamer.partners",
    "buurtwerkkamer.rooms",
    "buurtwerkkamer.people",
    "buurtwerkkamer.access",
    "buurtwerkkamer.activities",
    "buurtwerkkamer.brokering",
    "buurtwerkkamer.meetings",
    "buurtwerkkamer.employer",
    "buurtwerkkamer.startup",
    "buurtwerkkamer.development",
    "buurtwerkkamer.teamwork",
    "buurtwerkkamer.mediation",
    "buurtwerkkamer.placements",
    "buurtwerkkamer.finance",
    "buurtwerkkamer.accountability",
    "buurtwerkkamer.api",
    "buurtwerkkamer.privacy",
    "buurtwerkkamer.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "buurtwerkkamer.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "buurtwerkkamer.core.middleware.DutchByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "buurtwerkkamer.accounts.middleware.TwoFactorMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

# `make bench` only: a bare page to compare with and the queries of each request in
# a header (core/bench.py). Never set in production.
BWK_BENCH = os.environ.get("BWK_BENCH", "") == "1"
if BWK_BENCH:
    MIDDLEWARE.insert(0, "buurtwerkkamer.core.bench.QueryCountMiddleware")

ROOT_URLCONF = "buurtwerkkamer.urls"
WSGI_APPLICATION = "buurtwerkkamer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "buurtwerkkamer.core.context_processors.navigation",
            ],
        },
    },
]


def database_from_env(default: str) -> dict[str, Any]:
    """Read DATABASE_URL; SQLite gets WAL, a busy timeout and immediate transactions so
    that two people saving at once wait for each other instead of failing."""
    config = dj_database_url.parse(os.environ.get("DATABASE_URL", default))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON;"
            ),
        }
    else:
        config["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
        config["CONN_HEALTH_CHECKS"] = True
    return dict(config)


DATABASES = {"default": database_from_env(f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite cannot make a unique constraint treat NULLs as equal (a cooperative-wide
# role has no room): there, model validation (full_clean) guards what PostgreSQL's
# constraint guards in production.
SILENCED_SYSTEM_CHECKS = ["models.W047"]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
# Roles that see personal data log in with a second factor (DESIGN.md section 7);
# on by default, off for the demo on a laptop.
BWK_REQUIRE_TWO_FACTOR = os.environ.get("BWK_REQUIRE_TWO_FACTOR", "1") == "1"
OTP_TOTP_ISSUER = "BuurtWerkKamer"
# Personal API tokens: valid for 90 days unless the user chooses, never over a year.
BWK_API_TOKEN_DAYS = 90
BWK_API_TOKEN_MAX_DAYS = 365

# No script, style or frame from anywhere but our own static files, in every
# environment, so that the browser tests prove each page works under the policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the platform never uses, switched off for every page.
BWK_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Failed logins: five tries per e-mail address and client, then a pause of an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "buurtwerkkamer.accounts.lockout.locked_out"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "src" / "buurtwerkkamer" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Front-end packages come from the npm registry through package-lock.json.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
]
# Uploads live outside the web root and are only served through a permission check.
MEDIA_ROOT = VAR_DIR / "uploads"
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "BuurtWerkKamer <noreply@buurtwerkkamer.nl>"
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "buurtwerkkamer.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "buurtwerkkamer.api.schema.ApiAutoSchema",
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "600/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "BuurtWerkKamer API",
    "DESCRIPTION": "REST API of the BuurtWerkKamer Coöperatie platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "TrainingStatusEnum": "buurtwerkkamer.development.constants.TrainingStatus",
        "ContractKindEnum": "buurtwerkkamer.employer.constants.ContractKind",
        "PlacementKindEnum": "buurtwerkkamer.placements.constants.PlacementKind",
        "SelectionDecisionEnum": "buurtwerkkamer.placements.constants.DECISIONS",
        "PlacementOutcomeEnum": "buurtwerkkamer.placements.constants.Outcome",
        "MediationOutcomeEnum": "buurtwerkkamer.mediation.constants.Outcome",
    },
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUDITLOG_INCLUDE_ALL_MODELS = False

# Cooperative settings: the rules of DESIGN.md section 5 that the board may tune.
BWK_COOPERATIVE_NAME = "BuurtWerkKamer Coöperatie U.A."
BWK_ANNUAL_AGREEMENT_DEADLINE = (12, 1)  # (month, day) of the year before
BWK_REMINDER_DAYS = 14  # how far ahead the daily reminder mail looks
# A temporary exclusion from a room lasts at most this many days, both ends included.
BWK_MAX_EXCLUSION_DAYS = 90
# How many expenses and how many fixed costs the audit committee's sample holds.
BWK_AUDIT_SAMPLE_SIZE = 10
# An annual report's next step is due by this (month, day) of the year after:
# submitted by the team, reviewed by the audit committee, approved by the
# accountant, published by the board before the general meeting.
BWK_ANNUAL_REPORT_DUE = {
    "draft": (3, 1),
    "submitted": (4, 1),
    "reviewed": (5, 1),
    "approved": (6, 1),
}
# Placements (Participatiewet): a participation placement lasts at most two years,
# extendable to four in all; a work-experience placement at most a year.
BWK_PARTICIPATION_MAX_MONTHS = 24
BWK_PARTICIPATION_MAX_TOTAL_MONTHS = 48
BWK_WORK_EXPERIENCE_MAX_MONTHS = 12
# Tax-free volunteer allowance per person, over every room (Belastingdienst,
# vrijwilligersvergoeding): EUR 210 a month and EUR 2,100 a year since 2024.
# Check each year's figures before the year starts and add them here.
BWK_VOLUNTEER_ALLOWANCE_LIMITS = {
    2025: {"month": "210.00", "year": "2100.00"},
    2026: {"month": "210.00", "year": "2100.00"},
}
# Warn once a person has this share of a limit.
BWK_VOLUNTEER_ALLOWANCE_WARNING = "0.90"
# Retention in months per kind of record (AVG article 5(1)(e)): after it, the
# daily task (manage.py apply_retention) empties the personal fields of records
# that no longer run, and anonymises people with nothing left; counts, hours and
# indicators stay. Counted from the record's end (a placement's last day, a
# case's closing, an exclusion's last day, a breach's day).
BWK_RETENTION = {
    # Selection of a candidate not placed: the Autoriteit Persoonsgegevens allows
    # up to a year for applicants' data with consent; a placed candidate's file
    # runs with the placement.
    "candidate": 12,
    # A placement and its signals: two years after it ended, for questions of
    # the benefits agency on the Participatiewet trajectory.
    "placement": 24,
    "signal": 24,
    # Mediation, exclusions and breaches: a year after the case closed, the
    # exclusion ended or the breach happened, enough to see a pattern.
    "mediation_case": 12,
    "exclusion": 12,
    "breach": 12,
    # Agreements with and coaching of team members, the team's partner contacts.
    "team": 24,
    # Applicants for paid staff: four weeks after the decision (AP guidance).
    "applicant": 1,
    # Activities, sessions, meetings, trainings: the notes; who took part stays
    # linked to an anonymised person once that person goes.
    "activity": 24,
    # Contracts and financial records: seven years for the tax authorities
    # (art. 52 AWR, art. 2:10 BW); the name stays on them that long.
    "contract": 84,
    "financial": 84,
    # A person with nothing running, no membership, no login in use and no
    # record for two years is anonymised.
    "person": 24,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django": {"level": "WARNING"}},
}

# Every change to a business record is kept: who, when, what changed.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    "accounts.User",
    "access.Grant",
    "partners.Organisation",
    "partners.ContactPerson",
    {"model": "rooms.Room", "m2m_fields": ["partners"]},
    {"model": "people.Person", "m2m_fields": ["rooms"]},
    "people.Membership",
    "documents.Document",
    "activities.Activity",
    "activities.Session",
    "activities.SessionVolunteer",
    "activities.SessionParticipant",
    "brokering.Agreement",
    "brokering.AgreementParty",
    "brokering.FundingApplication",
    "meetings.Meeting",
    "meetings.Attendee",
    "meetings.Decision",
    "meetings.ActionItem",
    "brokering.ReportingDate",
    "brokering.PartnershipInvestment",
    "brokering.Amendment",
    "brokering.ResultObligation",
    "brokering.ObligationValue",
    "startup.Talk",
    "startup.Location",
    "startup.ChecklistItem",
    "startup.StageChange",
    "development.Evaluation",
    "development.FollowUp",
    "development.LearningPlan",
    "development.Training",
    "development.TrainingParticipant",
    "teamwork.HouseRules",
    "teamwork.Breach",
    "teamwork.WorkAgreement",
    "teamwork.YearlyGoal",
    "teamwork.GoalNote",
    "teamwork.PartnerContact",
    {"model": "mediation.MediationCase", "m2m_fields": ["parties"]},
    {"model": "mediation.MediationSession", "m2m_fields": ["present"]},
    "mediation.Exclusion",
    "finance.CooperativeAccount",
    "finance.RoomAllowance",
    "finance.Transfer",
    {"model": "finance.SepaBatch", "exclude_fields": ["xml"]},
    "finance.Expense",
    "finance.FixedCost",
    "finance.FixedCostTemplate",
    "finance.Budget",
    "finance.BudgetLine",
    "finance.BankStatement",
    "finance.BankTransaction",
    "finance.ClosedMonth",
    "finance.FrozenYear",
    {"model": "employer.Contract", "m2m_fields": ["rooms"]},
    "employer.ContractEvaluation",
    "employer.StaffVacancy",
    "employer.Applicant",
    "employer.Interview",
    "employer.VolunteerTask",
    "employer.ConductCertificate",
    "employer.VolunteerAllowance",
    "placements.PlacementVacancy",
    "placements.Candidate",
    "placements.SelectionInterview",
    "placements.Placement",
    "placements.Signal",
    "placements.SignalContact",
)
