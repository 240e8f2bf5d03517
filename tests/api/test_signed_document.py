"""Uploading the signed paper of an agreement: checked by content and size, stored
and attached together, or neither."""

import hashlib
from pathlib import Path

import hypothesis
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import Agreement
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import check_upload

from ..factories import AgreementFactory, AgreementPartyFactory
from ..personas import World
from .conftest import ApiFor

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def document_url(agreement: Agreement) -> str:
    return reverse("api:agreement-upload-document", kwargs={"uuid": agreement.uuid})


def upload(data: bytes, name: str = "getekend.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def refusal_of(data: bytes) -> list[str]:
    """The Dutch message the upload check gives for these bytes."""
    with translation.override("nl"):
        try:
            check_upload(upload(data))
        except ValidationError as error:
            return error.messages
    raise AssertionError("the upload check accepted the bytes")


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_a_coach_stores_the_signed_document_of_an_agreement(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(room=world.room, status=AgreementStatus.SIGNED)

    response = api_for("project_coach").post(
        document_url(agreement), {"file": upload(PDF)}
    )

    document = Document.objects.get()
    agreement.refresh_from_db()
    assert response.status_code == 201
    assert response.json()["signed_document"] == str(document.uuid)
    assert agreement.signed_document == document
    assert (document.kind, document.room_id_scope) == (
        DocumentKind.AGREEMENT,
        world.room.pk,
    )
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert document.uploaded_by == world.users["project_coach"]


def test_a_file_that_is_no_pdf_or_image_is_refused_and_nothing_stored(
    world: World, api_for: ApiFor, settings: Settings
) -> None:
    agreement = AgreementFactory(room=world.room)
    data = b"Dit is geen PDF, ook al heet het zo."

    response = api_for("project_coach").post(
        document_url(agreement), {"file": upload(data)}
    )

    agreement.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == {"file": refusal_of(data)}
    assert (Document.objects.count(), agreement.signed_document) == (0, None)
    assert stored_files(Path(settings.MEDIA_ROOT)) == []


def test_a_file_over_the_size_limit_is_refused(
    world: World, api_for: ApiFor, settings: Settings
) -> None:
    settings.DOCUMENT_MAX_BYTES = len(PDF) - 1
    agreement = AgreementFactory(room=world.room)

    response = api_for("board").post(document_url(agreement), {"file": upload(PDF)})

    assert response.status_code == 400
    assert response.json() == {"file": refusal_of(PDF)}
    assert not Document.objects.exists()


def test_a_request_without_a_file_is_refused(world: World, api_for: ApiFor) -> None:
    agreement = AgreementFactory(room=world.room)

    response = api_for("board").post(document_url(agreement), {})

    assert response.status_code == 400
    assert list(response.json()) == ["file"]
    assert not Document.objects.exists()


def test_a_partner_party_to_the_agreement_gets_403_on_uploading(
    world: World, api_for: ApiFor
) -> None:
    party = AgreementPartyFactory(
        agreement__room=world.room,
        agreement__status=AgreementStatus.NEGOTIATING,
        organisation=world.partner_organisation,
    )

    response = api_for("partner").post(
        document_url(party.agreement), {"file": upload(PDF)}
    )

    assert response.status_code == 403
    assert not Document.objects.exists()


def test_a_coach_of_another_room_gets_404_on_uploading(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(room=world.other_room)

    response = api_for("project_coach").post(
        document_url(agreement), {"file": upload(PDF)}
    )

    assert response.status_code == 404
    assert not Document.objects.exists()


@given(
    data=st.binary(min_size=1, max_size=256).filter(
        lambda data: not data.startswith(SIGNATURES)
    )
)
@hypothesis.settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_bytes_that_are_no_pdf_or_image_store_nothing(
    world: World, api_for: ApiFor, data: bytes
) -> None:
    agreement = AgreementFactory(room=world.room)

    response = api_for("board").post(document_url(agreement), {"file": upload(data)})

    assert response.status_code == 400
    assert response.json() == {"file": refusal_of(data)}
    assert not Document.objects.exists()
