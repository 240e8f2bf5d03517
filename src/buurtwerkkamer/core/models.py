"""Model mixins every business record shares, and the jobs slow work runs as."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BusinessRecord(models.Model):
    """A record users point at by URL: a UUID instead of a guessable sequential id,
    and when it was created and last changed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AddressFields(models.Model):
    """A Dutch postal address; the postcode is validated where it is entered."""

    street = models.CharField(_("street"), max_length=120, blank=True)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)

    class Meta:
        abstract = True

    @property
    def address(self) -> str:
        line = f"{self.street} {self.house_number}".strip()
        place = f"{self.postcode} {self.city}".strip()
        return ", ".join(part for part in (line, place) if part)


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(BusinessRecord):
    """Slow work a user started (an import, a report), run by the task worker:
    its progress for the page that follows it, and its outcome. The input file
    is kept in the database rather than on one server's disk, so any worker can
    take the job; it is dropped once the job has ended."""

    kind = models.CharField(_("kind"), max_length=60)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    steps_done = models.PositiveIntegerField(_("steps done"), default=0)
    steps_total = models.PositiveIntegerField(_("steps in all"), default=1)
    stage = models.CharField(_("now"), max_length=200, blank=True)
    payload = models.BinaryField(_("input"), blank=True, default=b"")
    payload_name = models.CharField(_("input name"), max_length=255, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.uuid}"

    @property
    def ended(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return min(99, 100 * self.steps_done // max(1, self.steps_total))
