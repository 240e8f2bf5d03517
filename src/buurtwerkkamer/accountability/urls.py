from django.urls import path

from . import views

app_name = "accountability"

urlpatterns = [
    path("", views.index, name="index"),
    path("maken/", views.generate, name="generate"),
    path("partner/", views.portal, name="portal"),
    path("overzicht/", views.rooms_overview, name="overview"),
    path("<uuid:report>/", views.report_page, name="report"),
    path("<uuid:report>/pdf/", views.pdf, name="pdf"),
    path("<uuid:report>/xlsx/", views.xlsx, name="xlsx"),
    path("<uuid:report>/teksten/", views.texts, name="texts"),
    path("<uuid:report>/indienen/", views.submit, name="submit"),
    path("<uuid:report>/beoordelen/", views.review, name="review"),
    path("<uuid:report>/goedkeuren/", views.approve, name="approve"),
    path("<uuid:report>/publiceren/", views.publish, name="publish"),
    path("kascommissie/<int:year>/", views.audit_page, name="audit"),
    path(
        "kascommissie/<int:year>/steekproef/", views.audit_sample, name="audit_sample"
    ),
    path("kascommissie/<int:year>/kasopname/", views.audit_count, name="audit_count"),
    path(
        "kascommissie/<int:year>/bevinding/", views.audit_finding, name="audit_finding"
    ),
    path("kascommissie/<int:year>/verslag/", views.audit_advice, name="audit_advice"),
    path(
        "kascommissie/bevinding/<int:finding>/",
        views.finding_follow_up,
        name="finding",
    ),
]
