"""A sent letter against the record: what has changed since it went out, and which letter carried a decision.

Both are judged by the letter's own frozen content (the categories and figures it printed), never by dates.
"""

from django.utils.formats import date_format

from categorisation.models import Dimension
from categorisation.selectors import categories_for, finance_figures_for

from .models import Letter

# The content key for each dimension's category.
CONTENT_KEYS = {Dimension.EDUCATION: "education", Dimension.FINANCE: "finance", Dimension.SITE: "site"}
FIGURE_LABELS = {
    "balanced": "Working budget balances for 3 years?",
    "in_year": "Predicted in-year outturn",
    "carry_forward": "Predicted carry forward",
    "target": "Carry forward target",
}


def _name(category) -> str:
    return category["name"] if category else "Not yet decided"


def changes_since_issue(letter: Letter) -> list[str]:
    """What the record says now that this sent letter does not: categories and finance figures (3 queries)."""
    if not letter.is_sent or not letter.content:
        return []
    current = categories_for(school_ids=[letter.school_id], half_term=letter.half_term)
    figures = finance_figures_for(school_ids=[letter.school_id], half_term=letter.half_term).get(
        letter.school_id
    )
    return _changes(letter, current, figures)


def letters_changed_since_issue(letters) -> list[tuple[Letter, list[str]]]:
    """[(letter, what changed)] for each of these sent letters the record no longer matches (two queries,
    however many letters). The letters need their half-term and its academic year loaded."""
    from categorisation.models import Categorisation, FinanceFigures

    letters = [letter for letter in letters if letter.is_sent and letter.content]
    if not letters:
        return []
    school_ids = {letter.school_id for letter in letters}
    half_term_ids = {letter.half_term_id for letter in letters}
    current = {
        (record.school_id, record.half_term_id, record.dimension): record
        for record in Categorisation.objects.current()
        .filter(school_id__in=school_ids, half_term_id__in=half_term_ids)
        .select_related("level")
    }
    figures = {
        (row.school_id, row.half_term_id): row
        for row in FinanceFigures.objects.filter(school_id__in=school_ids, half_term_id__in=half_term_ids)
    }
    found = []
    for letter in letters:
        records = {
            (letter.school_id, dimension): current.get((letter.school_id, letter.half_term_id, dimension))
            for dimension in CONTENT_KEYS
        }
        changes = _changes(letter, records, figures.get((letter.school_id, letter.half_term_id)))
        if changes:
            found.append((letter, changes))
    return found


def _changes(letter: Letter, current: dict, figures) -> list[str]:
    """The changes between the letter's frozen content and `current` {(school_id, dimension): record}
    and `figures` (the half-term's finance figures, or None). No queries."""
    from .compose import finance_content

    content = letter.content
    changes = []
    for dimension, key in CONTENT_KEYS.items():
        record = current.get((letter.school_id, dimension))
        printed = content.get(key)
        if _name(printed) == (record.level.name if record else "Not yet decided"):
            continue
        line = f"{dimension.label}: {_name(printed)} in the letter, {record.level.name} now"
        when = date_format(record.decided_at, "j F Y")
        reason = f": {record.correction_reason}" if record.correction_reason else ""
        changes.append(f"{line} (decided {when}{reason})")
    now = finance_content(letter, figures) or {}
    printed = content.get("finance_figures") or {}
    for key, label in FIGURE_LABELS.items():
        was, now_is = printed.get(key) or "not recorded", now.get(key) or "not recorded"
        if was != now_is:
            changes.append(f"{label}: {was} in the letter, {now_is} now")
    return changes


def letters_carrying(decisions) -> dict[int, Letter]:
    """{decision pk: the first sent letter that printed it}, for one school's decisions (one query).

    A letter frozen before decisions were named in its content is matched to the latest decision made
    before it was issued, when that decision's category is the one it printed.
    """
    decisions = list(decisions)
    school_ids = {d.school_id for d in decisions}
    letters = Letter.objects.sent().filter(school_id__in=school_ids).order_by("issued_at", "version")
    by_slot: dict[tuple, list] = {}
    for d in decisions:
        by_slot.setdefault((d.school_id, d.half_term_id, d.dimension), []).append(d)
    carried: dict[int, Letter] = {}
    for letter in letters:
        for dimension, key in CONTENT_KEYS.items():
            printed = (letter.content or {}).get(key)
            if not printed:
                continue
            slot = by_slot.get((letter.school_id, letter.half_term_id, dimension), [])
            if "decision" in printed:
                match = next((d for d in slot if d.pk == printed["decision"]), None)
            else:
                earlier = [d for d in slot if d.decided_at <= letter.issued_at]
                match = max(earlier, key=lambda d: d.revision, default=None)
                if match is not None and match.level.name != printed["name"]:
                    match = None
            if match is not None:
                carried.setdefault(match.pk, letter)
    return carried
