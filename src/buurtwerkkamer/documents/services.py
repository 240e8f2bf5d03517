"""Storing uploads: checked by what the bytes are, not by what the name says."""

import hashlib
import io
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .constants import DocumentKind
from .models import Document

logger = logging.getLogger(__name__)

ALLOWED = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
}


def detect_content_type(head: bytes) -> str | None:
    """Recognise the few kinds we accept by their signature bytes."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


def check_upload(upload: UploadedFile) -> tuple[str, bytes]:
    """Return the content type and the bytes, or raise a Dutch message."""
    limit = settings.DOCUMENT_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(mb)s MB.") % {"mb": limit // 2**20},
            code="too_large",
        )
    data = upload.read()
    content_type = detect_content_type(data[:16])
    if content_type is None:
        raise ValidationError(
            _("Only PDF, JPEG and PNG files can be uploaded."), code="bad_type"
        )
    if content_type == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(_("The PDF file is damaged."), code="broken")
    else:
        _verify_image(data)
    return content_type, data


def _verify_image(data: bytes) -> None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("The image is damaged or not an image."), code="broken"
        ) from None


@transaction.atomic
def store_document(
    upload: UploadedFile,
    *,
    title: str,
    user: Any,
    kind: str = DocumentKind.OTHER,
    room_id: int | None = None,
    organisation_id: int | None = None,
) -> Document:
    """Check an upload and store it as a document of a room or organisation."""
    content_type, data = check_upload(upload)
    return store_checked(
        data,
        content_type=content_type,
        name=upload.name or "",
        title=title,
        user=user,
        kind=kind,
        room_id=room_id,
        organisation_id=organisation_id,
    )


def store_checked(
    data: bytes,
    *,
    content_type: str,
    name: str,
    title: str,
    user: Any,
    kind: str = DocumentKind.OTHER,
    room_id: int | None = None,
    organisation_id: int | None = None,
) -> Document:
    """Store bytes whose content the caller has checked already, such as a bank
    statement that its parser read in full. Served only as a download."""
    document = Document(
        title=title[:200] or name,
        kind=kind,
        original_name=name[:255],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=user,
        room_id_scope=room_id,
        organisation_id_scope=organisation_id,
    )
    document.file.save("upload", ContentFile(data), save=False)
    document.save()
    logger.info("document stored uuid=%s type=%s", document.uuid, content_type)
    return document
