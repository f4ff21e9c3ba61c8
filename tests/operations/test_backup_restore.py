"""A backup restores into a fresh database, and every stored PDF is checked against its checksum.

On PostgreSQL the backup is pg_dump's and the restore pg_restore's, into a database made for the test;
on the embedded SQLite default it is SQLite's own backup, restored into a new file."""

import json
import os
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from letters.models import LetterPdf, RenderStatus
from letters.rendering import letter_pdf_for_current_content, letter_pdf_render
from tests.letters.factories import draft_letter

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_database(tmp_path):
    """A URL of an empty database of the same kind as the test's, removed afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    db = connection.settings_dict
    name = f"restore_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(
        host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    try:
        yield f"postgres://{auth}{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def two_real_pdfs(world):
    for school in (world.school_a, world.school_b):
        pdf = letter_pdf_for_current_content(draft_letter(school, world.ceo))
        assert letter_pdf_render(pdf_id=pdf.pk).status == RenderStatus.READY
    return list(LetterPdf.objects.order_by("pk"))


def only_folder(path):
    (folder,) = path.iterdir()
    return folder


def test_a_backup_restores_into_a_fresh_database_and_every_pdf_matches(
    two_real_pdfs, fresh_database, tmp_path
):
    call_command("backup", into=str(tmp_path / "backups"))
    folder = only_folder(tmp_path / "backups")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert {(p["id"], p["sha256"]) for p in manifest["pdfs"]} == {(p.pk, p.sha256) for p in two_real_pdfs}

    restored_media = tmp_path / "restored-media"
    out = __import__("io").StringIO()
    call_command(
        "restore", str(folder), database_url=fresh_database, media_root=str(restored_media), stdout=out
    )
    assert "2 PDFs match their checksums" in out.getvalue()
    for pdf in two_real_pdfs:
        assert (restored_media / pdf.file.name).read_bytes().startswith(b"%PDF-")


def test_a_restore_with_a_changed_pdf_is_refused(two_real_pdfs, fresh_database, tmp_path):
    call_command("backup", into=str(tmp_path / "backups"))
    folder = only_folder(tmp_path / "backups")
    tampered = folder / "media" / two_real_pdfs[0].file.name
    tampered.write_bytes(tampered.read_bytes() + b"\n% changed")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(folder), database_url=fresh_database, media_root=str(tmp_path / "m"))
    assert os.path.exists(tmp_path / "m")
