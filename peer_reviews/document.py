"""The findings letter: what it says, frozen when it is issued, and its PDF made through the shared
PDF-record path. It carries the findings against each question and nothing else from the day: not the
notes, not the internal checks, not whether the results were as expected."""

import hashlib
import json

from django.template.loader import render_to_string

from trust_portal.pdf_records import pdf_record_render

from .models import PeerReview, ReviewLetterPdf


def letter_content(review: PeerReview) -> dict:
    return {
        "school_name": review.school.name,
        "urn": review.school.urn,
        "review_on": f"{review.review_on:%-d %B %Y}",
        "group": [str(member) for member in review.members.select_related("person")],
        "focus_area": review.focus_area,
        "questions": [
            {"text": q.text, "strengths": q.strengths, "future_focus": q.future_focus}
            for q in review.questions.all()
        ],
    }


def content_hash(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def letter_html(content: dict, *, for_pdf: bool = True, review_id=None) -> str:
    return render_to_string(
        "peer_reviews/letter_document.html", {"c": content, "for_pdf": for_pdf, "review_id": review_id}
    )


def letter_pdf_render(*, pdf_id: int) -> ReviewLetterPdf | None:
    return pdf_record_render(
        model=ReviewLetterPdf,
        pk=pdf_id,
        html=lambda pdf: letter_html(pdf.content),
        file_name=lambda pdf: (
            f"peer_reviews/{pdf.content['urn']}/peer-review-letter-{pdf.review_id}-{pdf.content_hash[:12]}.pdf"
        ),
    )
