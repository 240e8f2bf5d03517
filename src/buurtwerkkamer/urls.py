from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("buurtwerkkamer.core.urls")),
    path("account/", include("buurtwerkkamer.accounts.urls")),
    path("organisaties/", include("buurtwerkkamer.partners.urls")),
    path("kamers/", include("buurtwerkkamer.rooms.urls")),
    path("personen/", include("buurtwerkkamer.people.urls")),
    path("documenten/", include("buurtwerkkamer.documents.urls")),
    path("activiteiten/", include("buurtwerkkamer.activities.urls")),
    path("afspraken/", include("buurtwerkkamer.brokering.urls")),
    path("overleggen/", include("buurtwerkkamer.meetings.urls")),
    path("opstart/", include("buurtwerkkamer.startup.urls")),
    path("ontwikkeling/", include("buurtwerkkamer.development.urls")),
    path("team/", include("buurtwerkkamer.teamwork.urls")),
    path("bemiddeling/", include("buurtwerkkamer.mediation.urls")),
    path("werkgever/", include("buurtwerkkamer.employer.urls")),
    path("plaatsingen/", include("buurtwerkkamer.placements.urls")),
    path("financien/", include("buurtwerkkamer.finance.urls")),
    path("verantwoording/", include("buurtwerkkamer.accountability.urls")),
    path("privacy/", include("buurtwerkkamer.privacy.urls")),
    path("api/v1/", include("buurtwerkkamer.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]

handler404 = "buurtwerkkamer.core.views.not_found"
