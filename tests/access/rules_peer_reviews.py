"""Who may use each peer review page. A review is confidential to its group and the school's head: to
everyone else (trustees, the LSB chair, heads outside the group, the CFO and compliance manager when not
in it) it does not exist (404). School A's review is made through the services (tests/peer_reviews)."""

from django.core.files.base import ContentFile

from peer_reviews.models import ReviewLetterPdf
from tests.access import Rule, statuses
from tests.peer_reviews import scenario
from trust_portal.pdf_records import RenderStatus


def only(*allowed):
    """School A's review: the named personas 200; the rest of the group (the CEO, head A) 403; everyone
    outside the group 404."""
    expect = statuses(default=404)
    expect.update({persona: 403 for persona in ("ceo", "head_a") if persona not in allowed})
    expect.update({persona: 200 for persona in allowed})
    return expect


def pk(make):
    return lambda world: {"pk": make(world).pk}


def letter_ready(world):
    """An issued letter whose PDF record is ready. The file here is a stand-in: what is tested is who may
    fetch it (tests/peer_reviews/test_letter_pdf.py makes real ones)."""
    review = scenario.letter_issued(world, render=False)
    letter = ReviewLetterPdf.objects.get(review=review)
    letter.file.save("peer-review-test.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    ReviewLetterPdf.objects.filter(pk=letter.pk).update(status=RenderStatus.READY, file=letter.file.name)
    return review


RULES = [
    Rule("peer_reviews:mine", statuses(default=200)),
    Rule(
        "peer_reviews:schedule",
        statuses(
            default=200, trustee=403, governance_professional=403, head_a=403, lsb_chair_a=403, head_b=403
        ),
    ),
    Rule(
        "peer_reviews:plan",
        statuses(default=403, ceo=200, head_b=404),
        kwargs=lambda world: {"urn": world.school_a.urn},
    ),
    Rule("peer_reviews:detail", only("ceo", "head_a"), kwargs=pk(scenario.planned)),
    Rule("peer_reviews:group", only("ceo"), kwargs=pk(scenario.planned)),
    Rule("peer_reviews:focus", only("head_a"), kwargs=pk(scenario.planned)),
    Rule("peer_reviews:question_add", only("ceo"), kwargs=pk(scenario.focus_sent)),
    Rule("peer_reviews:timetable", only("ceo"), kwargs=pk(scenario.focus_sent)),
    Rule("peer_reviews:day", only("ceo", "head_a"), kwargs=pk(scenario.timetable_agreed)),
    Rule("peer_reviews:findings", only("ceo"), kwargs=pk(scenario.held)),
    Rule("peer_reviews:letter_issue", only("ceo"), kwargs=pk(scenario.findings_written)),
    Rule("peer_reviews:letter_document", only("ceo", "head_a"), kwargs=pk(letter_ready)),
    Rule("peer_reviews:letter_pdf", only("ceo", "head_a"), kwargs=pk(letter_ready)),
    Rule("peer_reviews:staff_session", only("ceo", "head_a"), kwargs=pk(letter_ready)),
]
