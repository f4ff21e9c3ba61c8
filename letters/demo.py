"""The demo trust's letters: Aut 1 2026-27 issued (PDFs made here, synchronously, by the same function the
worker uses), directives in every state, and drafts for the current half-term (Aut 2). Idempotent.
"""

import io
from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from schools.models import HalfTerm, HalfTermNumber, School, Trust
from schools.services import trust_logo_set

from .models import Directive, Letter, LetterStatus, RenderStatus
from .rendering import letter_pdf_for_current_content, letter_pdf_render
from .services import (
    directive_accept,
    directive_report_done,
    directive_return,
    directive_set,
    letter_acknowledge,
    letter_approve,
    letter_issue,
    letter_update,
    letters_drafts_create,
)

DOMAIN = "riverside.example"

AUT1_TEXT = (
    "Thank you for all your work in the first half-term of the year. The results summary above is from "
    "last summer's national tests; we will talk through it at our next meeting.\n\n"
    "Please share this letter with your Local School Board. If anything in it is not as you understand "
    "it, tell me before the end of the month."
)
AUT2_TEXT = (
    "As we come to the end of the autumn term, thank you and your staff for another busy half-term.\n\n"
    "Please make sure your Christmas safeguarding arrangements are shared with the trust's HQ team."
)

# urn -> [(directive text, due date, what happens: open / done / returned / closed)]
DIRECTIVES = {
    "990101": [
        (
            "Ensure that the safeguarding elements of the Ofsted toolkit are all securely met",
            date(2026, 11, 6),
            "closed",
        )
    ],
    "990103": [
        ("Send the trust a recovery plan for the in-year deficit", date(2026, 11, 13), "open"),
        ("Review staffing costs against the trust's benchmark", date(2026, 12, 11), "done"),
    ],
    "990104": [
        ("Complete the single central record checks flagged in the HR audit", date(2026, 11, 6), "returned")
    ],
    "990107": [("Publish the updated SEND information report on the website", date(2026, 10, 30), "open")],
    "990109": [("Book the fire risk assessment follow-up visit", None, "done")],
}
ACKNOWLEDGED = {"990101", "990102", "990105", "990106", "990108"}
AUT2_DIRECTIVES = {"990103": ("Attend the Finance REP review meeting with the CFO", date(2027, 1, 15))}


def _person(local):
    return get_user_model().objects.get(email=f"{local}@{DOMAIN}")


def _head(school):
    return _person(f"head.{school.name.split()[0].lower().replace('-', '')}")


def _issue_aut1(*, school, half_term, ceo):
    letter = Letter.objects.filter(school=school, half_term=half_term).first()
    if letter and letter.is_sent:
        return letter, False
    if letter is None:
        letters_drafts_create(half_term=half_term, by=ceo, dated=date(2026, 10, 21))
        letter = Letter.objects.get(school=school, half_term=half_term)
    if letter.status == LetterStatus.DRAFT:
        letter_update(letter=letter, by=ceo, ceo_text=AUT1_TEXT, dated=date(2026, 10, 21))
        for text, due_on, _ in DIRECTIVES.get(school.urn, []):
            directive_set(letter=letter, text=text, due_on=due_on, by=ceo)
        letter = letter_approve(letter=letter, by=ceo, render=False)
    pdf = letter_pdf_for_current_content(letter)
    if pdf.status != RenderStatus.READY:
        pdf = letter_pdf_render(pdf_id=pdf.pk)
    return letter_issue(letter=letter, by=ceo), True


def _directive_history(*, school, ceo):
    head = _head(school)
    for text, _, outcome in DIRECTIVES.get(school.urn, []):
        directive = Directive.objects.get(school=school, text=text)
        if outcome == "open" or not directive.is_open:
            continue
        directive_report_done(
            directive=directive,
            by=head,
            what_was_done="Done, with evidence sent to HQ.",
            done_on=date(2026, 11, 10),
        )
        if outcome == "closed":
            directive_accept(directive=directive, by=ceo)
        elif outcome == "returned":
            directive_return(
                directive=directive,
                by=ceo,
                reason="Two staff files still have no DBS check date. Please add them.",
            )


def _logo_png(name: str) -> bytes:
    """A plain letterhead logo for the demo trust, drawn here so no image file ships with the code."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (600, 140), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 130, 130), fill="#1d5c8c")
    draw.text((160, 40), name, fill="#1d5c8c", font=ImageFont.load_default(size=36))
    draw.text((160, 90), "Schools for every child", fill="#505a5f", font=ImageFont.load_default(size=22))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _letterhead(ceo):
    trust = Trust.objects.get_current()
    if not trust.logo:
        upload = SimpleUploadedFile("letterhead.png", _logo_png(trust.name), content_type="image/png")
        trust_logo_set(trust=trust, upload=upload, actor=ceo)


def load(*, stdout=None):
    ceo = _person("ceo")
    aut1 = HalfTerm.objects.get(academic_year__starts_on=date(2026, 9, 1), number=HalfTermNumber.AUTUMN_1)
    aut2 = HalfTerm.objects.get(academic_year__starts_on=date(2026, 9, 1), number=HalfTermNumber.AUTUMN_2)
    _letterhead(ceo)
    made = 0
    for school in School.objects.order_by("urn"):
        letter, new = _issue_aut1(school=school, half_term=aut1, ceo=ceo)
        made += new
        if new:
            _directive_history(school=school, ceo=ceo)
            if school.urn in ACKNOWLEDGED:
                letter_acknowledge(letter=letter, by=_head(school))

    letters_drafts_create(half_term=aut2, by=ceo)  # each dated the day the CEO issues it
    for letter in Letter.objects.filter(
        half_term=aut2, status=LetterStatus.DRAFT, ceo_text=""
    ).select_related("school"):
        letter_update(letter=letter, by=ceo, ceo_text=AUT2_TEXT, dated=letter.dated)
        if letter.school.urn in AUT2_DIRECTIVES:
            text, due_on = AUT2_DIRECTIVES[letter.school.urn]
            directive_set(letter=letter, text=text, due_on=due_on, by=ceo)
    if stdout:
        stdout.write(f"Letters: {made} Aut 1 letters issued with their PDFs; Aut 2 drafts ready for the CEO.")
