"""A backup holds the database and every document; restored into an empty
installation it gives back every record and every file, checked by hash, and it
refuses what would mix two installations or a damaged archive."""

import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from buurtwerkkamer.documents.models import Document
from tests.factories import DocumentFactory, ExpenseFactory, TransferFactory
from tests.personas import build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    world = build_world()
    DocumentFactory(file__data=b"%PDF-1.4\nde overeenkomst\n%%EOF")
    DocumentFactory(file__data=b"%PDF-1.4\nhet bonnetje\n%%EOF", room_id_scope=1)
    TransferFactory(room=world.room)
    ExpenseFactory(room=world.room, spent_on=timezone.localdate())
    path = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(path), stdout=io.StringIO())
    return path


def records() -> list[dict[str, Any]]:
    out = io.StringIO()
    call_command("dumpdata", format="json", stdout=out)
    return json.loads(out.getvalue())


def document_hashes() -> dict[str, str]:
    media = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in media.rglob("*")
        if path.is_file()
    }


def empty_installation() -> None:
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def manifest_of(path: Path) -> dict[str, Any]:
    with tarfile.open(path, "r:gz") as tar:
        member = tar.extractfile("manifest.json")
        assert member is not None
        return json.load(member)


def rewrite(path: Path, name: str, data: bytes) -> None:
    """Replace one member of the archive, as damage or a wrong version would."""
    with tarfile.open(path, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
    with tarfile.open(path, "w:gz") as tar:
        for member, content in members:
            content = data if member.name == name else content
            member.size = len(content)
            tar.addfile(member, io.BytesIO(content))


def test_a_restore_gives_back_every_record_and_document(archive: Path) -> None:
    before, files = records(), document_hashes()
    empty_installation()

    call_command("restore", str(archive), stdout=io.StringIO())

    assert records() == before
    assert document_hashes() == files
    assert len(files) == 2


def test_the_manifest_counts_rows_and_hashes_every_document(archive: Path) -> None:
    manifest = manifest_of(archive)

    stored = {doc.file.name: doc.file.read() for doc in Document.objects.all()}
    assert manifest["counts"]["documents.Document"] == 2
    assert manifest["counts"]["rooms.Room"] >= 2
    assert manifest["documents"] == {
        name: hashlib.sha256(data).hexdigest() for name, data in stored.items()
    }
    applied = MigrationRecorder(connection).applied_migrations()
    assert manifest["migrations"] == sorted([app, name] for app, name in applied)


def test_a_restore_into_an_installation_with_records_is_refused(
    archive: Path,
) -> None:
    shutil.rmtree(settings.MEDIA_ROOT)
    before = records()

    with pytest.raises(CommandError, match="rooms.Room"):
        call_command("restore", str(archive))

    assert records() == before


def test_a_restore_into_an_installation_with_uploads_is_refused(
    archive: Path,
) -> None:
    empty_installation()
    stray = Path(settings.MEDIA_ROOT) / "documents" / "stray.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.4")

    with pytest.raises(CommandError, match="files in"):
        call_command("restore", str(archive))

    assert not Document.objects.exists()


def test_an_archive_with_other_migrations_is_refused(archive: Path) -> None:
    manifest = manifest_of(archive)
    manifest["migrations"].append(["core", "9999_from_the_future"])
    rewrite(archive, "manifest.json", json.dumps(manifest).encode())
    empty_installation()

    with pytest.raises(CommandError, match="1 only in the archive"):
        call_command("restore", str(archive))

    assert not Document.objects.exists()


def test_a_damaged_document_stops_the_restore_before_anything_changes(
    archive: Path,
) -> None:
    name = next(iter(manifest_of(archive)["documents"]))
    rewrite(archive, f"documents/{name}", b"%PDF-1.4\nvervalst\n%%EOF")
    empty_installation()

    with pytest.raises(CommandError, match="does not match its hash"):
        call_command("restore", str(archive))

    assert not Document.objects.exists()
    assert document_hashes() == {}
