"""What a letter says, composed from the trust's data into plain JSON.

The same content drives the web page and the PDF; its hash tells whether the data a letter shows has
changed since its PDF was made. Figures are formatted here, once, so the PDF and the page read the same.
"""

import hashlib
import json
from decimal import Decimal

from django.utils.formats import date_format

from .models import Directive, Letter


def money(value: Decimal | None) -> str:
    """£44,000; a deficit as -£12,500."""
    if value is None:
        return "Not recorded"
    sign = "-" if value < 0 else ""
    return f"{sign}£{abs(value):,.0f}"


def long_date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def _directives(letter: Letter) -> list[dict]:
    """Directives in this or previous letters that are not closed, oldest first."""
    directives = (
        Directive.objects.filter(school=letter.school, half_term__starts_on__lte=letter.half_term.starts_on)
        .not_closed()
        .select_related("half_term")
        .order_by("half_term__starts_on", "set_at", "pk")
    )
    return [
        {
            "set": d.half_term.letter_label,
            "text": d.text,
            "due": long_date(d.due_on),
            "status": d.get_status_display(),
        }
        for d in directives
    ]


def letter_content(letter: Letter) -> dict:
    school = letter.school
    return {
        "school": {"name": school.name, "urn": school.urn},
        "half_term": {"label": letter.half_term.label, "long_label": letter.half_term.long_label},
        "dated": long_date(letter.dated),
        "version": letter.version,
        "correction_reason": letter.correction_reason,
        "pupils": {
            "on_roll": school.pupils_on_roll,
            "capacity": school.capacity,
        },
        "directives": _directives(letter),
        "ceo_text": letter.ceo_text,
    }


def content_hash(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
