"""Backups that are known to restore: the database, the media files, and a manifest of every stored PDF's
checksum, so a restore can prove each letter and notice is byte for byte what was sent.

A backup is a folder: `database.dump` (pg_dump's custom format) or `database.sqlite3` (SQLite's own backup
of the embedded default), `media/` (a copy of MEDIA_ROOT) and `manifest.json`.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, models


class BackupError(Exception):
    pass


def pdf_models():
    """Every model that keeps a generated file with its SHA-256 (letter PDFs, and notice PDFs if present)."""
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        files = [f for f in model._meta.get_fields() if isinstance(f, models.FileField)]
        if "sha256" in names and files:
            yield model, files[0].name


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env(db: dict) -> tuple[list[str], dict]:
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    args += ["--username", db.get("USER") or "postgres"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command, env):
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def manifest_pdfs() -> list[dict]:
    records = []
    for model, file_field in pdf_models():
        for pk, name, checksum in (
            model.objects.exclude(**{file_field: ""})
            .exclude(sha256="")
            .values_list("pk", file_field, "sha256")
            .order_by("pk")
        ):
            records.append({"table": model._meta.db_table, "id": pk, "file": name, "sha256": checksum})
    return records


def backup_make(*, into: Path, using: str = "default") -> Path:
    """Write a backup folder under `into`; returns its path."""
    db = connections[using].settings_dict
    folder = Path(into) / datetime.now(UTC).strftime("portal-backup-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True)
    if connections[using].vendor == "postgresql":
        args, env = _pg_env(db)
        _run(
            [
                "pg_dump",
                *args,
                "--format=custom",
                "--no-owner",
                "--file",
                str(folder / "database.dump"),
                db["NAME"],
            ],
            env,
        )
        database = "database.dump"
    elif connections[using].vendor == "sqlite":
        source = sqlite3.connect(db["NAME"])
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            source.backup(target)
        source.close()
        target.close()
        database = "database.sqlite3"
    else:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connections[using].vendor}.")
    media = Path(settings.MEDIA_ROOT)
    shutil.copytree(media, folder / "media") if media.exists() else (folder / "media").mkdir()
    manifest = {
        "made_at": datetime.now(UTC).isoformat(),
        "database": database,
        "pdfs": manifest_pdfs(),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return folder


def _stored_checksums(database_url_or_path, vendor: str, tables: set[str], file_fields: dict) -> dict:
    """{(table, id): (file, sha256)} as the restored database records them (read with its own client)."""
    found = {}
    if vendor == "sqlite":
        connection = sqlite3.connect(database_url_or_path)
        query = lambda sql: connection.execute(sql).fetchall()  # noqa: E731
    else:
        import psycopg

        connection = psycopg.connect(**database_url_or_path)
        query = lambda sql: connection.execute(sql).fetchall()  # noqa: E731
    try:
        for table in tables:
            field = file_fields[table]
            for pk, name, checksum in query(f'SELECT id, "{field}", sha256 FROM "{table}"'):  # noqa: S608
                found[(table, pk)] = (name, checksum)
    finally:
        connection.close()
    return found


def restore_verify(*, folder: Path, media_root: Path, database, vendor: str) -> dict:
    """Every PDF in the manifest: its file restored under `media_root` has the manifest's checksum, and
    the restored database records the same file and checksum. Returns the counts; raises on a mismatch."""
    manifest = json.loads((Path(folder) / "manifest.json").read_text())
    file_fields = {model._meta.db_table: field for model, field in pdf_models()}
    tables = {entry["table"] for entry in manifest["pdfs"]}
    stored = _stored_checksums(database, vendor, tables, file_fields)
    problems = []
    for entry in manifest["pdfs"]:
        path = Path(media_root) / entry["file"]
        if not path.exists():
            problems.append(f"{entry['table']} {entry['id']}: {entry['file']} is missing")
        elif sha256_of(path) != entry["sha256"]:
            problems.append(f"{entry['table']} {entry['id']}: {entry['file']} does not match its checksum")
        elif stored.get((entry["table"], entry["id"])) != (entry["file"], entry["sha256"]):
            problems.append(f"{entry['table']} {entry['id']}: the restored database records another file")
    if problems:
        raise BackupError("The restore does not match the backup:\n" + "\n".join(problems))
    return {"pdfs_verified": len(manifest["pdfs"])}


def restore_apply(*, folder: Path, db: dict, vendor: str, media_root: Path) -> None:
    """Load the backup's database into `db` (an empty database) and its media files into `media_root`."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    if vendor == "postgresql":
        if manifest["database"] != "database.dump":
            raise BackupError("This backup is of a SQLite database; restore it onto SQLite.")
        args, env = _pg_env(db)
        _run(
            [
                "pg_restore",
                *args,
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                db["NAME"],
                str(folder / "database.dump"),
            ],
            env,
        )
    elif vendor == "sqlite":
        if manifest["database"] != "database.sqlite3":
            raise BackupError("This backup is of a PostgreSQL database; restore it onto PostgreSQL.")
        shutil.copyfile(folder / "database.sqlite3", db["NAME"])
    else:
        raise BackupError(f"Restores support PostgreSQL and SQLite, not {vendor}.")
    shutil.copytree(folder / "media", media_root, dirs_exist_ok=True)


def pg_connect_kwargs(db: dict) -> dict:
    return {
        "host": db.get("HOST") or "localhost",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or "postgres",
        "password": db.get("PASSWORD") or None,
        "dbname": db["NAME"],
    }
