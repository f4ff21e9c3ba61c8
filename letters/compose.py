"""What a letter says, composed from the trust's data into plain JSON.

The same content drives the web page and the PDF; its hash tells whether the data a letter shows has
changed since its PDF was made. Figures are formatted here, once, so the PDF and the page read the same.
"""

import hashlib
import json
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from audits.selectors import outstanding_actions_count
from categorisation.models import Dimension
from categorisation.money import money
from categorisation.selectors import categories_for, finance_figures_for
from interventions.models import Rep
from interventions.selectors import open_rep_for
from kpis.measures import PERCENT
from kpis.selectors import kpi_rows_for
from schools.models import AcademicYear, Appointment, Trust
from schools.roles import Role

from .models import Directive, DirectiveStatus, Letter
from .phonics import combined_phonics


def long_date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def _as_of(letter: Letter):
    """The moment the letter speaks for: the end of the day it is dated when back-dated, else now."""
    today = timezone.localdate()
    if letter.dated and letter.dated < today:
        end = datetime.combine(letter.dated + timedelta(days=1), time.min)
        return timezone.make_aware(end) if settings.USE_TZ else end
    return timezone.now()


def _rep_open(letter: Letter) -> bool:
    """A REP was open on the day the letter is dated (today, unless it is back-dated)."""
    today = timezone.localdate()
    if not letter.dated or letter.dated >= today:
        return open_rep_for(school=letter.school) is not None
    day = letter.dated
    reps = Rep.objects.filter(school=letter.school, written_on__lte=day)
    return reps.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day)).exists()


def _previous_letter_at(letter: Letter, as_of):
    """When the school's last letter before this one went out (None if this is its first)."""
    return (
        Letter.objects.sent()
        .filter(
            school=letter.school, half_term__starts_on__lte=letter.half_term.starts_on, issued_at__lt=as_of
        )
        .exclude(pk=letter.pk)
        .aggregate(last=Max("issued_at"))["last"]
    )


def _directives(letter: Letter) -> list[dict]:
    """Directives in this or previous letters, oldest first, as they stood when the letter is dated.

    Those still open then are listed; those met (closed) since the school's last letter are listed
    struck through, once, so the school sees them leave the list. Two queries.
    """
    as_of = _as_of(letter)
    since = _previous_letter_at(letter, as_of)
    directives = (
        Directive.objects.filter(school=letter.school, half_term__starts_on__lte=letter.half_term.starts_on)
        .annotate(
            closed_at=Max("events__at", filter=Q(events__to_status=DirectiveStatus.CLOSED)),
        )
        .select_related("half_term")
        .order_by("half_term__starts_on", "set_at", "pk")
    )
    shown = []
    for d in directives:
        open_then = d.closed_at is None or d.closed_at > as_of
        met_since = not open_then and since is not None and d.closed_at > since
        if open_then or met_since:
            shown.append(
                {
                    "set": d.half_term.letter_label,
                    "text": d.text,
                    "due": long_date(d.due_on),
                    "met": met_since,
                }
            )
    return shown


def _category(record) -> dict | None:
    if record is None:
        return None
    level = record.level
    # `decision` says which recorded decision this letter carried (see letters.changes).
    return {
        "name": level.name,
        "label": level.label,
        "colour": level.colour,
        "code": level.code,
        "decision": record.pk,
    }


def _figure(value: Decimal | None, unit: str) -> str:
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return f"{text}%" if unit == PERCENT else text


def _kpis(letter: Letter) -> list[dict]:
    """Last summer's results (the year before the letter's), and attendance to this half-term."""
    results_year = letter.half_term.academic_year
    previous = AcademicYear.objects.filter(starts_on__lt=results_year.starts_on).order_by("starts_on").last()
    rows = kpi_rows_for(
        school=letter.school, academic_year=previous or results_year, half_term=letter.half_term
    )
    return combined_phonics(
        [
            {
                "code": row.code,
                "measure": row.measure,
                "period": row.period,
                "all": _figure(row.all_pupils, row.unit),
                "ppg": _figure(row.disadvantaged, row.unit),
                "comparator": row.comparator_label,
                "comparator_all": _figure(row.comparator_value, row.unit),
                "comparator_ppg": _figure(row.disadvantaged_comparator_value, row.unit),
                "small_cohort": row.small_cohort,
            }
            for row in rows
        ],
        rows,
    )


def finance_content(letter: Letter, figures) -> dict | None:
    if figures is None:
        return None
    year = letter.half_term.academic_year
    return {
        "balanced": "Yes" if figures.budget_balanced_3_years else "No",
        "in_year_label": f"Predicted in-year outturn for {year.name}",
        "in_year": money(figures.predicted_in_year_outturn),
        "carry_forward_label": (
            f"Predicted cumulative outturn at 31 August {year.ends_on.year} (carry forward)"
        ),
        "carry_forward": money(figures.predicted_carry_forward),
        # The seed writes the target as a signed amount: "(Target +£50k)".
        "target": _signed(figures.carry_forward_target),
    }


def _signed(value) -> str:
    text = money(value)
    return f"+{text}" if value is not None and value > 0 else text


def _audits(letter: Letter) -> dict:
    """The count of open audit actions, the link to them, and whom to tell about ones already done."""
    compliance = (
        Appointment.objects.current()
        .filter(role=Role.COMPLIANCE_MANAGER)
        .select_related("person")
        .order_by("starts_on")
        .first()
    )
    return {
        "outstanding": outstanding_actions_count(school=letter.school),
        "url": settings.PORTAL_BASE_URL + reverse("audits:school_actions", kwargs={"urn": letter.school.urn}),
        "compliance_manager": compliance.person.display_name if compliance else "the compliance manager",
        "email": compliance.person.email if compliance else Trust.objects.get_current().support_email,
    }


def letter_content(letter: Letter) -> dict:
    school = letter.school
    categories = categories_for(school_ids=[school.pk], half_term=letter.half_term)
    figures = finance_figures_for(school_ids=[school.pk], half_term=letter.half_term).get(school.pk)
    trust = Trust.objects.get_current()
    return {
        "trust": trust.name,
        # The logo file is named by its content: a sent letter keeps the logo it printed.
        "letterhead": {"name": trust.name, "logo": trust.logo.name or ""},
        "school": {"name": school.name, "urn": school.urn},
        "half_term": {"label": letter.half_term.label, "long_label": letter.half_term.long_label},
        # An undated draft shows the date it would carry if issued today; issuing records that day.
        "dated": long_date(letter.dated or timezone.localdate()),
        "version": letter.version,
        "correction_reason": letter.correction_reason,
        "education": _category(categories.get((school.pk, Dimension.EDUCATION))),
        # The seed's letter: "Concerning - REP written by EHT" while a REP is open.
        "rep_note": "REP written by EHT" if _rep_open(letter) else "",
        "site": _category(categories.get((school.pk, Dimension.SITE))),
        "finance": _category(categories.get((school.pk, Dimension.FINANCE))),
        "kpis": _kpis(letter),
        "finance_figures": finance_content(letter, figures),
        "pupils": {
            "on_roll": school.pupils_on_roll,
            "capacity": school.capacity,
        },
        "directives": _directives(letter),
        "audits": _audits(letter),
        "ceo_text": letter.ceo_text,
    }


def content_hash(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
