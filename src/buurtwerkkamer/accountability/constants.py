from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    """The route of an annual report (DESIGN.md section 5, accountability)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the audit committee")
    REVIEWED = "reviewed", _("Passed by the audit committee")
    APPROVED = "approved", _("Approved by the accountant")
    PUBLISHED = "published", _("Published")


class StepKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SENT_BACK = "sent_back", _("Sent back by the audit committee")
    PASSED = "passed", _("Passed by the audit committee")
    APPROVED = "approved", _("Approved by the accountant")
    PUBLISHED = "published", _("Published")


class Chapter(models.TextChoices):
    """The chapters of a room's report; each has the team's and coach's own text
    beside the figures."""

    ACTIVITIES = "activities", _("Activities and visitors")
    VOLUNTEERS = "volunteers", _("Volunteers and their hours")
    DEVELOPMENT = "development", _("Learning plan, trainings and evaluations")
    PLACEMENTS = "placements", _("Placements")
    RESULTS = "results", _("Result obligations")
    FINANCE = "finance", _("Finances")


# Members of the audit committee who review a report, at least, none of them on
# the board (DESIGN.md section 5).
MIN_REVIEWERS = 2

# The computed indicators each chapter shows; the rest of a chapter is the
# team's text and, for results and finance, their own tables.
CHAPTER_INDICATORS = {
    Chapter.ACTIVITIES: ("visitors_per_week", "activities_held"),
    Chapter.VOLUNTEERS: ("active_volunteers", "volunteer_hours"),
    Chapter.DEVELOPMENT: ("trainings_completed",),
    Chapter.PLACEMENTS: ("placements_started", "placements_paid_work"),
}
