"""A demo letter read back from its PDF (the real WeasyPrint path): it matches the seed's Appendix 2."""

import re
import subprocess

import pytest

from letters.models import Letter, RenderStatus
from letters.rendering import letter_document_html, letter_pdf_for_current_content, letter_pdf_render
from schools.management.commands.load_demo import DEMO_STEPS
from schools.models import HalfTerm, Trust
from tests.letters.test_pdf import pdf_text

pytestmark = pytest.mark.django_db

MET = "Aut 1, 26: Ensure that the safeguarding elements of the Ofsted toolkit are all securely met"


@pytest.fixture
def demo_letter(media):
    from importlib import import_module

    for step in DEMO_STEPS:
        import_module(step).load()
    return Letter.objects.get(school__urn="990101", half_term=HalfTerm.objects.current())


def test_the_demo_letter_pdf_reads_as_appendix_2(demo_letter):
    pdf = letter_pdf_render(pdf_id=letter_pdf_for_current_content(demo_letter).pk)
    assert pdf.status == RenderStatus.READY, pdf.last_error
    text = pdf_text(pdf.file.read())
    flat = re.sub(r"\s+", " ", text)
    trust = Trust.objects.get_current()
    assert trust.logo and "Riverside Learning Trust" in flat
    assert "Trust School Improvement offer" in flat
    assert "Year 1 & 2 combined phonics" in flat, text
    assert text.count("phonics") == 1, "one combined row, not a row per year"
    assert f"{MET} (met)" in flat, "the met directive is there, marked as met"
    assert "(Target +£50,000)" in flat
    html = letter_document_html(pdf.content)
    assert f"<s>{MET}</s>" in html, "and struck through"
    assert f'alt="{trust.name}"' in html and 'src="data:image/png;base64,' in html
    assert "Aut 2, 26: Attend" not in flat  # another school's directive stays on its own letter
    images = subprocess.run(["pdfimages", "-list", pdf.file.path], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) == 3, f"the logo is drawn in the PDF:\n{images}"


def test_the_letter_page_shows_the_letterhead_and_the_met_directive(demo_letter, client):
    from tests.personas import sign_in

    page = sign_in(client, demo_letter.created_by).get(f"/letters/{demo_letter.pk}/").content.decode()
    assert f'alt="{Trust.objects.get_current().name}"' in page
    assert f"<s>{MET}</s>" in page and '<span class="met-label">(met)</span>' in page
