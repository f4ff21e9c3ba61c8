"""Files that cannot hurt: a zip bomb is refused unread, a long file stops at the row cap, and every
decoding, cell-size and name problem in an import is a row-and-column message, never a 500."""

import html
import io
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from audits.models import AuditAction
from schools.models import School
from tests.schools.test_gias_import import gias_csv, row
from trust_portal.tabular import MAX_IMPORT_ROWS, Column, TableError, read_rows, text

HEADER = "URN,Audit type,Audit date,Auditor,Action,Priority,Due date,Owner email\n"
COLUMNS_OF_ONE = [Column("Name", "name", text)]


def workbook_bytes(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bomb(sheet_megabytes: int) -> bytes:
    """A real workbook whose sheet is replaced by `sheet_megabytes` MB of rows that compress ~1000 to 1."""
    original = zipfile.ZipFile(io.BytesIO(workbook_bytes([["Name"], ["x"]])))
    out = io.BytesIO()
    row_xml = b"<row><c t='inlineStr'><is><t>boom</t></is></c></row>"
    sheet = (
        b"<?xml version='1.0' encoding='UTF-8'?><worksheet xmlns='http://schemas.openxmlformats.org/"
        b"spreadsheetml/2006/main'><sheetData>"
        + row_xml * (sheet_megabytes * 1024 * 1024 // len(row_xml))
        + b"</sheetData></worksheet>"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in original.infolist():
            data = sheet if member.filename.startswith("xl/worksheets/") else original.read(member)
            archive.writestr(member.filename, data)
    return out.getvalue()


def page_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("megabytes", [20, 60])
def test_a_zip_bomb_is_refused_before_a_single_row_is_read(megabytes):
    data = bomb(megabytes)
    assert len(data) < megabytes * 1024 * 1024 / 100
    with pytest.raises(TableError, match="far more than an import needs") as refused:
        read_rows("bomb.xlsx", data, COLUMNS_OF_ONE)
    assert refused.value.rows_read == 0


def test_a_long_workbook_is_read_only_up_to_the_row_cap():
    rng = random.Random(11)
    rows = [["Name"]] + [[f"{rng.random():.12f}"] for _ in range(MAX_IMPORT_ROWS + 3000)]
    with pytest.raises(TableError, match=f"more than {MAX_IMPORT_ROWS} rows") as refused:
        read_rows("long.xlsx", workbook_bytes(rows), COLUMNS_OF_ONE)
    assert refused.value.rows_read == MAX_IMPORT_ROWS + 2  # the header, the cap, and one over it


def test_the_bomb_gets_a_clear_page_from_the_audits_import(world, client_as):
    client = client_as(world.compliance_manager)
    response = client.post(reverse("audits:import"), {"file": SimpleUploadedFile("a.xlsx", bomb(20))})
    assert response.status_code == 200
    assert "far more than an import needs" in page_text(response)


def audits_upload(client, body: bytes):
    return client.post(
        reverse("audits:import"), {"file": SimpleUploadedFile("a.csv", HEADER.encode() + body)}
    )


def test_a_byte_neither_utf8_nor_cp1252_is_named_by_row_and_column(world, client_as):
    client = client_as(world.compliance_manager)
    good = f"{world.school_a.urn},Fire safety,10/09/2026,,Fit a closer,High,30/12/2026,\n".encode()
    bad = (
        f"{world.school_a.urn},Fire safety,10/09/2026,,Fit a ".encode()
        + b"\x81"
        + b"closer,High,30/12/2026,\n"
    )
    response = audits_upload(client, good + bad)
    assert response.status_code == 200
    assert "Row 3, column 'Action': the byte 0x81 is not a character in UTF-8 or Windows-1252" in page_text(
        response
    )
    assert not AuditAction.objects.exists()


def test_a_cell_over_128_kb_is_named_by_row_and_column(world, client_as):
    client = client_as(world.compliance_manager)
    huge = "x" * (128 * 1024 + 1)
    body = f"{world.school_a.urn},Fire safety,10/09/2026,,{huge},High,30/12/2026,\n".encode()
    response = audits_upload(client, body)
    assert response.status_code == 200
    assert "Row 2, column 'Action': the cell holds 131,073 characters" in page_text(response)


def test_a_line_break_in_a_name_is_refused(world, client_as):
    client = client_as(world.compliance_manager)
    body = f'{world.school_a.urn},Fire safety,10/09/2026,"Fire\nsafe Ltd",Fit a closer,High,30/12/2026,\n'
    response = audits_upload(client, body.encode())
    assert "Row 2, column 'Auditor': a name must be on one line" in page_text(response)


def gias_upload(admin_client, data: bytes):
    return admin_client.post(
        reverse("admin:schools_school_gias"),
        {"csv_file": SimpleUploadedFile("gias.csv", data), "trust_code": "4321"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "A" * 201,
            "Row 3, column 'EstablishmentName': the name has 201 characters; the most allowed is 200",
        ),
        ("Elmstead\nPrimary", "Row 3, column 'EstablishmentName': a name must be on one line"),
        ("Elmstead\x07Primary", "Row 3, column 'EstablishmentName': the cell holds a control character"),
    ],
)
def test_gias_names_too_long_or_on_two_lines_are_refused_with_row_and_column(admin_client, name, message):
    data = gias_csv([row("140001", "Good Primary"), row("140002", name)]).encode()
    response = gias_upload(admin_client, data)
    assert response.status_code == 200
    assert message in page_text(response)
    assert not School.objects.exists()


@pytest.mark.django_db
def test_gias_bad_bytes_and_huge_cells_are_row_and_column_messages(admin_client):
    text_ = gias_csv([row("140001", "Good Primary"), row("140002", "Bad BYTE Primary")])
    response = gias_upload(admin_client, text_.replace("BYTE", "\x00").encode().replace(b"\x00", b"\x8d"))
    assert "Row 3, column 'EstablishmentName': the byte 0x8D" in page_text(response)
    huge = gias_csv([row("140001", "Good Primary", Postcode="Z" * 200_000)]).encode()
    response = gias_upload(admin_client, huge)
    assert response.status_code == 200
    assert "Row 2, column 'Postcode': the cell holds 200,000 characters" in page_text(response)
    assert not School.objects.exists()
