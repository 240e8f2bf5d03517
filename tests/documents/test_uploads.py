import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import check_upload, store_document
from tests.factories import UserFactory

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.django_db
def test_a_pdf_is_stored_under_its_uuid_with_its_checksum() -> None:
    document = store_document(
        upload("brief.pdf", PDF), title="Brief", user=UserFactory()
    )
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF)
    assert document.file.name.endswith(f"{document.uuid.hex}.pdf")
    assert len(document.sha256) == 64


@pytest.mark.django_db
def test_a_phone_photo_is_accepted_as_an_image() -> None:
    document = store_document(
        upload("bon.png", png_bytes()), title="Bon", user=UserFactory()
    )
    assert document.content_type == "image/png"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("brief.pdf", b"Dit is geen PDF maar tekst", "bad_type"),
        ("virus.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "bad_type"),
        ("kapot.pdf", b"%PDF-1.4\nafgebroken", "broken"),
        ("kapot.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken"),
        ("pagina.jpg", b"<html><script>alert(1)</script></html>", "bad_type"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused(
    name: str, data: bytes, code: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, data))
    assert refused.value.code == code


def test_a_file_over_the_limit_is_refused(settings) -> None:
    settings.DOCUMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("groot.pdf", PDF + b"0" * 2048))
    assert refused.value.code == "too_large"


@pytest.mark.django_db
def test_a_refused_upload_stores_nothing() -> None:
    with pytest.raises(ValidationError):
        store_document(upload("x.pdf", b"nep"), title="x", user=UserFactory())
    assert Document.objects.count() == 0


@given(st.binary(max_size=512))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_bytes_are_never_taken_for_an_image(data: bytes) -> None:
    try:
        content_type, _data = check_upload(upload("x.png", data))
    except ValidationError:
        return
    assert content_type == "application/pdf"
    assert data.startswith(b"%PDF-")
