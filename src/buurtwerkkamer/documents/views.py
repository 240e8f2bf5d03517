from typing import Any

from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404

from buurtwerkkamer.core.guards import guard

from .models import Document


def document_for(user: Any, document: str) -> Document:
    return get_object_or_404(Document.objects.visible_to(user), uuid=document)


@guard("documents.view_document", load=document_for)
def download(request: HttpRequest, document: Document) -> FileResponse:
    """Served only through the policy; never inline, so a file cannot run as a page."""
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name or f"{document.uuid}{document.extension}",
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
