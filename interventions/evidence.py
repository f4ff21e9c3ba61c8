"""What the intervention records suggest about Poor and Unacceptable characteristics.

Registered with categorisation's evidence registry in `InterventionsConfig.ready()`. Each provider runs
one or two queries, whatever the number of schools. A suggestion beside the decision, never the decision.
"""

from datetime import date

from django.db.models import Count, Min, Q
from django.utils import timezone

from categorisation.evidence import Evidence
from categorisation.models import Dimension

from .models import ActionStatus, NoticeTarget, Rep, RepAction, RepReview, TargetStatus


def _as_of(half_term) -> date:
    """Judge a half-term on what was known by its end (or today, for the half-term under way)."""
    return min(timezone.localdate(), half_term.ends_on)


def _running(path: str, started: str, half_term) -> Q:
    """Records started by the half-term's end and not closed before it began (`path` leads to the record)."""
    return Q(**{f"{path}{started}__lte": half_term.ends_on}) & (
        Q(**{f"{path}closed_on__isnull": True}) | Q(**{f"{path}closed_on__gte": half_term.starts_on})
    )


def rep_targets_missed(*, school_ids, half_term):
    """edu.rep_targets_missed: REP actions not done by their milestone, or a review found not on track."""
    as_of = _as_of(half_term)
    running = _running("milestone__rep__", "written_on", half_term)
    overdue = {
        row["milestone__rep__school_id"]: row
        for row in RepAction.objects.filter(running, milestone__rep__school_id__in=school_ids)
        .values("milestone__rep__school_id")
        .annotate(
            total=Count("pk"),
            overdue=Count("pk", filter=Q(milestone__due_on__lt=as_of) & ~Q(status=ActionStatus.DONE)),
            oldest=Min(
                "milestone__due_on", filter=Q(milestone__due_on__lt=as_of) & ~Q(status=ActionStatus.DONE)
            ),
        )
    }
    off_track = dict(
        RepReview.objects.filter(running, milestone__rep__school_id__in=school_ids, on_track=False)
        .values("milestone__rep__school_id")
        .annotate(n=Count("pk"))
        .values_list("milestone__rep__school_id", "n")
    )
    for school_id in set(overdue) | set(off_track):
        row = overdue.get(school_id, {"overdue": 0, "oldest": None})
        parts = []
        if row["overdue"]:
            parts.append(f"{row['overdue']} REP action(s) overdue, oldest due {row['oldest']:%-d %B %Y}")
        if off_track.get(school_id):
            parts.append(f"{off_track[school_id]} milestone review(s) found the REP not on track")
        yield Evidence(
            school_id=school_id,
            dimension=Dimension.EDUCATION,
            code="edu.rep_targets_missed",
            holds=bool(parts),
            text="; ".join(parts) or "Every REP action due so far is done and reviews found it on track",
        )


def multiple_reps_or_extensions(*, school_ids, half_term):
    """edu.multiple_reps_or_extensions: two or more REPs, or any extension, written by the half-term's end."""
    rows = (
        Rep.objects.filter(school_id__in=school_ids, written_on__lte=half_term.ends_on)
        .values("school_id")
        .annotate(
            reps=Count("pk", distinct=True),
            extensions=Count(
                "extensions", filter=Q(extensions__granted_on__lte=half_term.ends_on), distinct=True
            ),
        )
    )
    for row in rows:
        yield Evidence(
            school_id=row["school_id"],
            dimension=Dimension.EDUCATION,
            code="edu.multiple_reps_or_extensions",
            holds=row["reps"] > 1 or row["extensions"] > 0,
            text=f"{row['reps']} REP(s) and {row['extensions']} REP extension(s) so far",
        )


def _notice_targets_missed(*, school_ids, half_term, dimension, code):
    as_of = _as_of(half_term)
    missed = Q(status=TargetStatus.MISSED) | Q(status=TargetStatus.OPEN, due_on__lt=as_of)
    rows = (
        NoticeTarget.objects.filter(
            _running("notice__", "issued_on", half_term),
            notice__school_id__in=school_ids,
            notice__dimension=dimension,
        )
        .values("notice__school_id")
        .annotate(missed=Count("pk", filter=missed), oldest=Min("due_on", filter=missed))
    )
    for row in rows:
        yield Evidence(
            school_id=row["notice__school_id"],
            dimension=dimension,
            code=code,
            holds=row["missed"] > 0,
            text=(
                f"{row['missed']} warning-notice target(s) missed, oldest due {row['oldest']:%-d %B %Y}"
                if row["missed"]
                else "No warning-notice target missed so far"
            ),
        )


def education_notice_targets_missed(*, school_ids, half_term):
    return _notice_targets_missed(
        school_ids=school_ids,
        half_term=half_term,
        dimension=Dimension.EDUCATION,
        code="edu.warning_notice_targets_missed",
    )


def finance_notice_targets_missed(*, school_ids, half_term):
    return _notice_targets_missed(
        school_ids=school_ids,
        half_term=half_term,
        dimension=Dimension.FINANCE,
        code="fin.warning_notice_targets_missed",
    )


PROVIDERS = [
    rep_targets_missed,
    multiple_reps_or_extensions,
    education_notice_targets_missed,
    finance_notice_targets_missed,
]
