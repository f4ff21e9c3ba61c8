"""Letters as a table for a spreadsheet: each letter's state from draft to acknowledged, its PDF and its
email. Three queries whatever the number of letters."""

from django.utils import timezone

from .models import LetterPdf

HEADERS = [
    "URN",
    "School",
    "Half-term",
    "Version",
    "Corrects version",
    "Correction reason",
    "Status",
    "Dated",
    "Approved at",
    "Approved by",
    "Issued at",
    "Issued by",
    "PDF",
    "Email",
    "Emailed at",
    "Email error",
    "Acknowledged at",
    "Acknowledged by",
]


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else None


def _person(user):
    return str(user) if user else ""


def letters_table(letters) -> tuple[list, list]:
    letters = list(
        letters.select_related(
            "school", "half_term", "corrects", "approved_by", "issued_by", "acknowledged_by", "issued_pdf"
        ).order_by("school__name", "half_term__starts_on", "version")
    )
    latest = {}
    for pdf in LetterPdf.objects.filter(letter__in=letters).order_by("created_at", "pk"):
        latest[pdf.letter_id] = pdf
    rows = []
    for letter in letters:
        pdf = letter.issued_pdf or latest.get(letter.pk)
        rows.append(
            [
                letter.school.urn,
                letter.school.name,
                letter.half_term.label,
                letter.version,
                letter.corrects.version if letter.corrects else None,
                letter.correction_reason,
                letter.get_status_display(),
                letter.dated,
                _when(letter.approved_at),
                _person(letter.approved_by),
                _when(letter.issued_at),
                _person(letter.issued_by),
                pdf.get_status_display() if pdf else "Not made yet",
                letter.get_email_status_display(),
                _when(letter.emailed_at),
                letter.email_error,
                _when(letter.acknowledged_at),
                _person(letter.acknowledged_by),
            ]
        )
    return HEADERS, rows
