"""Approve-all and issue-all for a half-term: a batch record and one task per letter."""

from celery import group
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from schools.models import HalfTerm, School
from trust_portal.queue import enqueue

from ..errors import LetterError
from ..models import BatchKind, ItemStatus, Letter, LetterBatch, LetterBatchItem, LetterStatus
from ..permissions import may_approve, may_issue
from ..recovery import item_stalled
from .permissions import require

BATCH_TAKES = {BatchKind.APPROVE: LetterStatus.DRAFT, BatchKind.ISSUE: LetterStatus.APPROVED}
ACTIVE_ITEM = [ItemStatus.PENDING, ItemStatus.PROCESSING]


def batch_items_queue(*, item_ids: list[int]) -> bool:
    """Hand the items' tasks to the queue (call after commit). False if the broker could not take them:
    they stay waiting with no task, for the sweeper or the batch page's Retry."""
    from ..tasks import run_batch_item

    if not item_ids:
        return True
    sent = enqueue(
        lambda: group(run_batch_item.s(pk) for pk in item_ids).apply_async(),
        what=f"{len(item_ids)} letters of a batch",
    )
    if sent:
        LetterBatchItem.objects.filter(pk__in=item_ids).update(queued_at=timezone.now())
    return sent


def _enqueue(item_ids: list[int]) -> None:
    if item_ids:
        transaction.on_commit(lambda: batch_items_queue(item_ids=item_ids))


@transaction.atomic
def letter_batch_start(
    *, kind: BatchKind, half_term: HalfTerm, by, letter_ids=None, confirmed_count: int | None = None
) -> LetterBatch:
    """Approve every draft (or issue every approved letter) of a half-term, one worker task per letter.

    Letters already in a running batch of the same kind are left to it, so a second click sends and
    renders nothing twice. Approving leaves out the letters whose school has a category not decided
    (`batch.skipped` says which and why). Issuing needs `confirmed_count`: the number of letters the CEO
    was shown and confirmed; without it, or if the letters waiting have changed since, nothing is sent.
    """
    may = may_approve if kind == BatchKind.APPROVE else may_issue
    require(may(by), "Only the CEO can approve or issue letters.")
    wanted = BATCH_TAKES[BatchKind(kind)]
    busy = LetterBatchItem.objects.filter(batch__kind=kind, status__in=ACTIVE_ITEM).values("letter_id")
    letters = (
        Letter.objects.select_for_update().filter(half_term=half_term, status=wanted).exclude(pk__in=busy)
    )
    if letter_ids is not None:
        letters = letters.filter(pk__in=letter_ids)
    letters = list(letters.values_list("pk", "school_id"))
    skipped = []
    if kind == BatchKind.APPROVE:
        letters, skipped = _decided_only(letters, half_term)
    elif letters:
        _check_confirmed(len(letters), confirmed_count, half_term)
    letters = [pk for pk, _ in letters]
    if not letters and skipped:
        raise LetterError(["Nothing was approved.", *skipped])
    if not letters:
        raise LetterError(
            f"There are no {wanted.label.lower()} letters for {half_term.label} waiting to be "
            f"{'approved' if kind == BatchKind.APPROVE else 'issued'}."
        )
    batch = LetterBatch.objects.create(kind=kind, half_term=half_term, started_by=by)
    items = LetterBatchItem.objects.bulk_create(LetterBatchItem(batch=batch, letter_id=pk) for pk in letters)
    _enqueue([item.pk for item in items])
    batch.skipped = skipped
    return batch


def _decided_only(letters, half_term):
    """(letters whose school's three categories are decided, [why each other one was left out])."""
    from ..selectors import undecided_categories
    from .letters import undecided_reason

    gaps = undecided_categories(school_ids=[school_id for _, school_id in letters], half_term=half_term)
    if not gaps:
        return letters, []
    schools = {school.pk: school for school in School.objects.filter(pk__in=gaps)}
    reasons = [
        undecided_reason(schools[pk], half_term, gaps[pk])
        for pk in sorted(gaps, key=lambda pk: schools[pk].name)
    ]
    return [row for row in letters if row[1] not in gaps], reasons


def _check_confirmed(waiting: int, confirmed_count: int | None, half_term: HalfTerm) -> None:
    if confirmed_count is None:
        raise LetterError(f"Nothing was sent: confirm how many letters for {half_term.label} go out first.")
    if confirmed_count != waiting:
        raise LetterError(
            f"Nothing was sent: you confirmed {confirmed_count} letter{'s' * (confirmed_count != 1)}, but "
            f"{waiting} {'are' if waiting != 1 else 'is'} now waiting to be issued. Check the list and "
            "confirm again."
        )


@transaction.atomic
def letter_batch_retry(*, batch: LetterBatch, by) -> int:
    """Try the batch's failed letters again, and its stalled ones (a worker died holding them, or their
    task never reached the queue). Returns how many."""
    require(may_issue(by), "Only the CEO can retry letters.")
    now = timezone.now()
    again = list(
        batch.items.select_for_update()
        .filter(Q(status=ItemStatus.FAILED) | item_stalled(now))
        .values_list("pk", flat=True)
    )
    if not again:
        raise LetterError("Nothing in this batch has failed or stalled, so there is nothing to retry.")
    LetterBatchItem.objects.filter(pk__in=again).filter(
        Q(status=ItemStatus.FAILED) | item_stalled(now)
    ).update(status=ItemStatus.PENDING, error="", queued_at=None)
    _enqueue(again)
    return len(again)


def batch_item_claim(item_id: int) -> bool:
    return bool(
        LetterBatchItem.objects.filter(pk=item_id, status=ItemStatus.PENDING).update(
            status=ItemStatus.PROCESSING, attempts=F("attempts") + 1, claimed_at=timezone.now()
        )
    )
