"""Uploading the signed copy of an agreement: a real PDF is stored and served back,
a file that only calls itself PDF is refused and nothing is kept."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import FilePayload

from buurtwerkkamer.brokering.models import Agreement
from buurtwerkkamer.documents.models import Document
from tests.factories import AgreementFactory
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIGNED_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
NOT_A_PDF = b"Getekend door iedereen, echt waar.\n"


def upload(person: Visitor, agreement: Agreement, name: str, data: bytes) -> int:
    person.open(agreement.get_absolute_url())
    person.follow(reverse("brokering:upload", kwargs={"agreement": agreement.uuid}))
    payload = FilePayload(name=name, mimeType="application/pdf", buffer=data)
    person.main("[name=file]").set_input_files(files=[payload])
    return person.submit().status


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def coach(visitor: MakeVisitor, world: World) -> Visitor:
    person = visitor()
    person.sign_in(world.users["project_coach"])
    return person


def test_a_signed_pdf_is_stored_and_served_back_unchanged(
    coach: Visitor, world: World
) -> None:
    agreement = AgreementFactory(room=world.room, title="Samenwerking Thuis 2027")

    status = upload(coach, agreement, "getekend.pdf", SIGNED_PDF)

    assert status == 200
    assert coach.page.url == coach.base_url + agreement.get_absolute_url()
    agreement.refresh_from_db()
    document = agreement.signed_document
    assert document is not None
    assert (document.original_name, document.content_type, document.size) == (
        "getekend.pdf",
        "application/pdf",
        len(SIGNED_PDF),
    )
    assert document.sha256 == hashlib.sha256(SIGNED_PDF).hexdigest()
    assert [path.read_bytes() for path in stored_files()] == [SIGNED_PDF]
    href = document.get_absolute_url()
    assert coach.main(f'a[href="{href}"]').count() == 1
    served = coach.context.request.get(coach.base_url + href)
    assert served.body() == SIGNED_PDF
    assert served.headers["content-disposition"].startswith("attachment")


def test_a_text_file_named_pdf_is_refused_and_nothing_is_stored(
    coach: Visitor, world: World
) -> None:
    agreement = AgreementFactory(room=world.room, title="Samenwerking Thuis 2027")

    status = upload(coach, agreement, "x.pdf", NOT_A_PDF)

    assert status == 400
    # The message sits with the file field, where a screen reader announces it.
    error = coach.main("#id_file_error").inner_text().strip()
    assert error == dutch("Only PDF, JPEG and PNG files can be uploaded.")
    described = coach.main("input[type=file]").get_attribute("aria-describedby")
    assert "id_file_error" in described
    agreement.refresh_from_db()
    assert agreement.signed_document is None
    assert Document.objects.count() == 0
    assert stored_files() == []
