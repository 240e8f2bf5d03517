"""Uploaded files. They are stored under MEDIA_ROOT, which is outside the web root and
never served directly: every download goes through the access policy."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwerkkamer.core.models import BusinessRecord
from buurtwerkkamer.core.querysets import ScopedQuerySet

from .constants import DocumentKind


def upload_path(instance: "Document", filename: str) -> str:
    # The stored name is the UUID, never the uploader's file name: no path tricks and
    # no personal data in file names on disk.
    return f"documents/{instance.uuid.hex[:2]}/{instance.uuid.hex}{instance.extension}"


class Document(BusinessRecord):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.OTHER,
    )
    file = models.FileField(_("file"), upload_to=upload_path)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Which part of the cooperative a document belongs to decides who may read it.
    room_id_scope = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    organisation_id_scope = models.PositiveBigIntegerField(
        null=True, blank=True, db_index=True
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return {
            "application/pdf": ".pdf",
            "image/jpeg": ".jpg",
            "image/png": ".png",
            "application/xml": ".xml",
            "text/plain": ".txt",
        }.get(self.content_type, ".bin")

    def get_absolute_url(self) -> str:
        return reverse("documents:download", kwargs={"document": self.uuid})
