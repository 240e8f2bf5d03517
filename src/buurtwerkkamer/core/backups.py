"""Backups of a whole installation: the database and the uploaded documents in
one archive, made while the application runs, restored into an empty one.

The archive is a gzipped tar: `manifest.json` first (the applied migrations,
the number of rows per model, the SHA-256 of the database copy and of every
document), then the database copy, then `documents/<name>` for every file the
database refers to. Everything in the manifest is read from the same snapshot
as the copy, so the counts and the document list describe exactly that copy.

The copy is the engine's own: SQLite's online backup API, which copies every
page in one step under one read transaction; on PostgreSQL `pg_dump` in its
custom format, run on a snapshot exported from our own REPEATABLE READ
transaction, in which the manifest is read as well. A dump of the ORM
(`dumpdata`) would restore on either engine, but it is many times slower on a
large installation, holds every object in the serializer's hands, and must
repair content-type ids and sequences afterwards; the engine's tools copy
schema, sequences and data exactly. Restoring therefore needs the same engine.
"""

import hashlib
import io
import json
import logging
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with fixed arguments
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

logger = logging.getLogger(__name__)

FORMAT = 1
MANIFEST = "manifest.json"
DOCUMENTS = "documents"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Rows `migrate` itself creates: an empty installation has them already.
MIGRATE_MADE = {"contenttypes.ContentType", "auth.Permission"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """The backup or the restore cannot go on; nothing was changed."""


class Cursor(Protocol):
    def execute(self, sql: str, /) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass
class Snapshot:
    """What the manifest says about one database copy."""

    migrations: list[list[str]]
    counts: dict[str, int]
    files: list[str]


def backup(target: Path) -> dict[str, Any]:
    """Write a backup archive to `target` and return its manifest. The archive
    appears under its name only once complete: a backup that is stopped halfway
    leaves a `.partial` file, never a broken archive that looks whole."""
    vendor = _vendor()
    partial = target.with_name(target.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="bwk-backup-") as work:
        copy = Path(work) / DATABASE_MEMBER[vendor]
        snapshot = _copy_sqlite(copy) if vendor == "sqlite" else _copy_postgres(copy)
        documents, missing = _hash_documents(snapshot.files)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": vendor,
            "migrations": snapshot.migrations,
            "counts": snapshot.counts,
            "database": {"name": copy.name, "sha256": _sha256(copy)},
            "documents": documents,
            "missing_documents": missing,
        }
        _write_archive(partial, manifest, copy)
    os.replace(partial, target)
    logger.info(
        "backup written rows=%s documents=%s missing=%s",
        sum(snapshot.counts.values()),
        len(documents),
        len(missing),
    )
    return manifest


def restore(archive: Path) -> dict[str, Any]:
    """Restore an archive into this installation, which must be empty: migrated
    to exactly the archive's migrations, with no records and no uploads. Every
    file is checked against the manifest before anything is changed, and the
    restored documents and row counts once more after."""
    vendor = _vendor()
    with tarfile.open(archive, "r:gz") as tar:
        manifest = _read_manifest(tar)
        _check_target(manifest, vendor)
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=media.parent) as work:
            copy = _unpack(tar, manifest, Path(work))
            if vendor == "sqlite":
                _load_sqlite(copy)
            else:
                _load_postgres(copy)
            _place_documents(Path(work) / DOCUMENTS, media)
    _verify(manifest, media)
    logger.info("backup restored rows=%s", sum(manifest["counts"].values()))
    return manifest


def concrete_models() -> list[type[models.Model]]:
    """Every table Django manages, many-to-many tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _vendor() -> str:
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(f"No backup for the {connection.vendor} engine.")
    return connection.vendor


def _facts(cursor: Cursor, tables: set[str]) -> Snapshot:
    """The manifest's view of a database, read through one cursor (and so one
    snapshot): applied migrations, rows per model, the stored file names. A
    model whose migration is not applied has no table and is left out."""
    quote = connection.ops.quote_name
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations = [[app, name] for app, name in cursor.fetchall()]
    counts = {}
    files: list[str] = []
    for model in concrete_models():
        if model._meta.db_table not in tables:
            continue
        table = quote(model._meta.db_table)
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - model tables
        counts[model._meta.label] = cursor.fetchall()[0][0]
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                column = quote(str(field.column))
                cursor.execute(
                    f"SELECT {column} FROM {table} WHERE {column} <> ''"  # noqa: S608
                )
                files += [name for (name,) in cursor.fetchall()]
    return Snapshot(migrations, counts, sorted(set(files)))


def _copy_sqlite(copy: Path) -> Snapshot:
    # pages=-1 copies the whole database in one step under one read lock, so
    # writers wait a moment instead of forcing the copy to start over.
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    try:
        connection.connection.backup(target, pages=-1)
        cursor = target.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return _facts(cursor, {name for (name,) in cursor.fetchall()})
    finally:
        target.close()


def _copy_postgres(copy: Path) -> Snapshot:
    # pg_dump works on the snapshot our transaction exports, so the dump and the
    # manifest read in this transaction see the very same data.
    connection.ensure_connection()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run_pg(
            "pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={copy}"
        )
        return _facts(cursor, set(connection.introspection.table_names(cursor)))


def _run_pg(tool: str, *arguments: str) -> None:
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} is not installed: install the PostgreSQL client of the "
            "server's major version (Debian: postgresql-client)."
        )
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [tool, *arguments, f"--dbname={db['NAME']}"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command.append(f"{option}={db[key]}")
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()[-2000:]}")


def _hash_documents(names: list[str]) -> tuple[dict[str, str], list[str]]:
    """The SHA-256 of every stored file the copy refers to. A referenced file
    that is gone is listed, not fatal: one lost upload must not stop backups."""
    media = Path(settings.MEDIA_ROOT)
    hashes: dict[str, str] = {}
    missing = []
    for name in names:
        path = media / _safe(name)
        if path.is_file():
            hashes[name] = _sha256(path)
        else:
            missing.append(name)
    return hashes, missing


def _write_archive(partial: Path, manifest: dict[str, Any], copy: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    data = json.dumps(manifest, indent=1, sort_keys=True).encode()
    with tarfile.open(partial, "w:gz") as tar:
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mtime = int(timezone.now().timestamp())
        tar.addfile(info, io.BytesIO(data))
        tar.add(copy, arcname=copy.name)
        # Documents are never changed in place (each upload gets a new name), so
        # the hash taken above is the hash of what is added here.
        for name in manifest["documents"]:
            tar.add(media / _safe(name), arcname=f"{DOCUMENTS}/{name}")


def _read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    member = tar.extractfile(MANIFEST)
    if member is None:
        raise BackupError("The archive holds no manifest.")
    manifest: dict[str, Any] = json.load(member)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
    return manifest


def _check_target(manifest: dict[str, Any], vendor: str) -> None:
    if manifest["engine"] != vendor:
        raise BackupError(
            f"The archive is a {manifest['engine']} backup; this installation "
            f"runs on {vendor}."
        )
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        raise BackupError("Run `manage.py migrate` first: the database is blank.")
    applied = sorted([app, name] for app, name in recorder.applied_migrations())
    if applied != manifest["migrations"]:
        ours, theirs = _keys(applied), _keys(manifest["migrations"])
        raise BackupError(
            "The archive's migrations do not match this installation's: "
            f"{len(theirs - ours)} only in the archive, {len(ours - theirs)} only "
            "here. Restore with the version of the code that made the backup."
        )
    filled = sorted(
        label
        for label, count in _counts().items()
        if count and label not in MIGRATE_MADE
    )
    if filled:
        raise BackupError(
            "The installation is not empty; records in: " + ", ".join(filled)
        )
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and any(path.is_file() for path in media.rglob("*")):
        raise BackupError(f"The installation is not empty; files in {media}.")


def _keys(pairs: list[list[str]]) -> set[tuple[str, ...]]:
    return {tuple(pair) for pair in pairs}


def _counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        return _facts(cursor, tables).counts


def _unpack(tar: tarfile.TarFile, manifest: dict[str, Any], work: Path) -> Path:
    """Copy the database and every document out of the archive into `work`,
    checking each against the manifest's hash; refuse on the first mismatch."""
    database = manifest["database"]
    copy = work / _safe(database["name"])
    _extract(tar, database["name"], copy, database["sha256"])
    for name, digest in manifest["documents"].items():
        _extract(tar, f"{DOCUMENTS}/{name}", work / DOCUMENTS / _safe(name), digest)
    return copy


def _extract(tar: tarfile.TarFile, member: str, path: Path, digest: str) -> None:
    source = tar.extractfile(member)
    if source is None:
        raise BackupError(f"The archive lacks {member}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    hasher = hashlib.sha256()
    with path.open("wb") as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            hasher.update(chunk)
            out.write(chunk)
    if hasher.hexdigest() != digest:
        raise BackupError(f"{member} does not match its hash in the manifest.")


def _load_sqlite(copy: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        source.backup(connection.connection, pages=-1)
    finally:
        source.close()


def _load_postgres(copy: Path) -> None:
    # Our own connection holds no locks while pg_restore replaces the tables.
    connection.close()
    _run_pg(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        str(copy),
    )


def _place_documents(staged: Path, media: Path) -> None:
    if not staged.exists():
        return
    for path in sorted(staged.rglob("*")):
        if path.is_file():
            target = media / path.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)


def _verify(manifest: dict[str, Any], media: Path) -> None:
    ContentType.objects.clear_cache()
    counts = _counts()
    wrong = sorted(
        label
        for label, count in manifest["counts"].items()
        if counts.get(label) != count
    )
    if wrong:
        raise BackupError("Restored, but the row counts differ in: " + ", ".join(wrong))
    for name, digest in manifest["documents"].items():
        if _sha256(media / _safe(name)) != digest:
            raise BackupError(f"Restored, but {name} does not match its hash.")


def _safe(name: str) -> str:
    """A stored name as a relative path that stays inside its folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Refused the file name {name!r}.")
    return str(path)


def _sha256(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            hasher.update(chunk)
    return hasher.hexdigest()
