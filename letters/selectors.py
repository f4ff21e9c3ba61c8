"""Reads of letters and directives. Each runs a fixed number of queries."""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from .models import Directive, ItemStatus, LetterBatch
from .recovery import item_stalled


def directives_not_met(*, school_ids, on: date | None = None) -> dict[int, list[Directive]]:
    """{school_id: [Directive]} past their due date and not closed (one query)."""
    on = on or timezone.localdate()
    found: dict[int, list[Directive]] = {}
    for directive in (
        Directive.objects.filter(school_id__in=list(school_ids), due_on__lt=on)
        .not_closed()
        .select_related("half_term")
        .order_by("due_on", "pk")
    ):
        found.setdefault(directive.school_id, []).append(directive)
    return found


def batch_progress(batch: LetterBatch) -> dict:
    """How far a batch has got, for the progress bar and its JSON endpoint (three queries).

    A stalled letter (its worker died, or its task never reached the queue) is listed so the CEO can
    retry it at once rather than wait for the sweeper."""
    now = timezone.now()
    counts = batch.items.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=ItemStatus.DONE)),
        failed=Count("pk", filter=Q(status=ItemStatus.FAILED)),
    )
    stalled = list(
        batch.items.filter(item_stalled(now))
        .order_by("letter__school__name")
        .values_list("letter__school__name", flat=True)
    )
    failures = [
        {"school": school, "error": error}
        for school, error in batch.items.filter(status=ItemStatus.FAILED)
        .order_by("letter__school__name")
        .values_list("letter__school__name", "error")
    ]
    finished = counts["done"] + counts["failed"]
    return {
        **counts,
        "finished": finished,
        "running": finished < counts["total"],
        "percent": round(100 * finished / counts["total"]) if counts["total"] else 100,
        "failures": failures,
        "stalled": stalled,
        "can_retry": bool(stalled or failures),
    }
