"""The letter's PDF: every figure of the front page in its text, and nothing fetched that should not be."""

import re
import subprocess

import pytest

from letters.models import RenderStatus
from letters.rendering import letter_document_html, letter_pdf_for_current_content, letter_pdf_render
from tests.letters.factories import draft_letter
from tests.letters.front_page import FRONT_PAGE_TEXT, front_page_letter
from trust_portal.pdf import RestrictedURLFetcher, render_pdf

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return re.sub(r"[ \t]+", " ", result.stdout.decode())


def test_the_pdf_text_carries_every_figure_of_the_front_page(world, media):
    letter = front_page_letter(world)
    pdf = letter_pdf_render(pdf_id=letter_pdf_for_current_content(letter).pk)
    assert pdf.status == RenderStatus.READY, pdf.last_error
    text = pdf_text(pdf.file.read())
    missing = [line for line in FRONT_PAGE_TEXT if line not in text]
    assert not missing, f"{missing} not in:\n{text}"


def test_a_rendered_pdf_is_recorded_with_its_checksum_and_not_made_twice(world, media):
    import hashlib

    letter = draft_letter(world.school_a, world.ceo)
    record = letter_pdf_for_current_content(letter)
    pdf = letter_pdf_render(pdf_id=record.pk)
    assert pdf.sha256 == hashlib.sha256(pdf.file.read()).hexdigest()
    assert pdf.made_at and pdf.attempts == 1
    again = letter_pdf_render(pdf_id=record.pk)
    assert again.attempts == 1 and again.file.name == pdf.file.name
    assert letter_pdf_for_current_content(letter).pk == record.pk, "same content, same record"


HOSTILE = [
    "<b>bold</b> & <script>alert(1)</script>",
    "<link rel=attachment href=file:///etc/passwd>",
    "<img src=http://127.0.0.1:9/tracker.png>",
]


def test_hostile_strings_in_a_letter_are_printed_as_text_and_nothing_is_fetched(world, media):
    from letters.services import directive_set

    letter = draft_letter(world.school_a, world.ceo, ceo_text="\n".join(HOSTILE))
    directive_set(letter=letter, text=HOSTILE[1], by=world.ceo)
    world.school_a.name = "Ashdown <img src=http://127.0.0.1:9/x.png> Academy"
    world.school_a.save()
    html = letter_document_html(letter_pdf_for_current_content(letter).content)
    fetcher = RestrictedURLFetcher()
    data = render_pdf(html, fetcher=fetcher)
    assert fetcher.refused == []
    assert all("/static/" in url for url in fetcher.fetched), fetcher.fetched
    assert b"/EmbeddedFile" not in data
    text = pdf_text(data)
    for line in HOSTILE:
        assert line in text
    assert "root:" not in text


def test_the_fetcher_refuses_files_outside_static_and_any_network_address(settings):
    html = """<!doctype html><html lang="en-GB"><head><title>t</title>
    <link rel="attachment" href="file:///etc/passwd"><link rel="stylesheet" href="https://example.com/x.css">
    </head><body><p>Hello</p><img src="http://127.0.0.1:9/x.png" alt="x">
    <img src="../../../../../etc/hostname" alt="y"><img src="fonts/../../manage.py" alt="z"></body></html>"""
    fetcher = RestrictedURLFetcher()
    data = render_pdf(html, fetcher=fetcher)
    assert b"/EmbeddedFile" not in data
    assert "file:///etc/passwd" in fetcher.refused
    assert "https://example.com/x.css" in fetcher.refused
    assert "http://127.0.0.1:9/x.png" in fetcher.refused
    assert any(url.endswith("/etc/hostname") for url in fetcher.refused)
    assert any(url.endswith("manage.py") for url in fetcher.refused)
    assert not any("passwd" in url or "manage.py" in url for url in fetcher.fetched)


def test_the_pdf_uses_the_fonts_shipped_with_the_portal_and_reads_data_urls(tmp_path):
    png = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR4"
        "nGNgYAAAAAMAASsJTYQAAAAASUVORK5CYII="
    )
    fetcher = RestrictedURLFetcher()
    data = render_pdf(
        f'<html lang="en-GB"><title>t</title><img src="{png}" alt="dot"><p>x</p></html>', fetcher=fetcher
    )
    assert fetcher.refused == []
    assert fetcher.fetched[0].startswith("data:")
    (tmp_path / "t.pdf").write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "t.pdf")], capture_output=True, text=True).stdout
    assert "Portal-Sans" in fonts
    assert "DejaVu" not in fonts, "only the shipped copy, under the portal's own family name"
