"""Kill the worker (SIGKILL, its children then itself) in the middle of issuing 12 letters, start it
again, and check that nothing is stuck, lost or doubled. The sweeper runs in the worker's beat (-B)."""

import os
import re
import signal
from collections import Counter
from pathlib import Path

import pytest

from audits.models import ReminderSent, ReminderStatus
from letters.models import BatchKind, EmailStatus, ItemStatus, Letter, LetterBatchItem, LetterStatus
from letters.services import letter_batch_start
from schools.roles import Role
from tests.factories import AppointmentFactory, SchoolFactory
from tests.letters.factories import approved_letter, half_term
from tests.letters.worker import wait_for
from tests.operations.smtp_sink import smtp_sink

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

LETTERS = 12
# Short limits so a dead worker's claims go stale in seconds rather than minutes: the rule is the
# production one (claim older than the hard time limit plus the grace), only the numbers are small.
FAST_RECOVERY = {
    "CELERY_TASK_TIME_LIMIT": "25",
    "CELERY_TASK_SOFT_TIME_LIMIT": "20",
    "PORTAL_CLAIM_GRACE_SECONDS": "3",
    "PORTAL_SWEEP_EVERY_SECONDS": "3",
}


def children_of(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def kill_hard(worker) -> None:
    main = worker.process.pid
    for child in children_of(main):  # the pool's processes and the embedded beat
        os.kill(child, signal.SIGKILL)
    os.kill(main, signal.SIGKILL)
    worker.process.wait(timeout=10)


def letter_of(message: str) -> int:
    return int(re.search(r"/letters/(\d+)/", message).group(1))


def test_a_worker_killed_mid_batch_leaves_nothing_stuck_lost_or_doubled(world, start_worker, tmp_path):
    ceo = world.ceo
    for n in range(LETTERS):
        school = (
            world.school_a if n == 0 else world.school_b if n == 1 else SchoolFactory(urn=f"{200000 + n}")
        )
        if n > 1:
            AppointmentFactory(school=school, role=Role.HEADTEACHER)
        # Approved without a PDF: each batch task renders its letter, so the batch takes long enough to
        # be killed in the middle.
        approved_letter(school, ceo)

    with smtp_sink() as (sink, email_url):
        env = {**FAST_RECOVERY, "EMAIL_URL": email_url}
        options = ["--pool=prefork", "--concurrency=2", "-B", "-s", str(tmp_path / "beat-schedule")]
        worker = start_worker(env=env, options=options)
        batch = letter_batch_start(
            kind=BatchKind.ISSUE, half_term=half_term(), by=ceo, confirmed_count=LETTERS
        )
        items = LetterBatchItem.objects.filter(batch=batch)
        wait_for(lambda: items.filter(status=ItemStatus.DONE).count() >= 3, worker=worker, what="3 letters")
        kill_hard(worker)
        done_at_kill = items.filter(status=ItemStatus.DONE).count()
        held_at_kill = items.filter(status=ItemStatus.PROCESSING).count()
        assert done_at_kill < LETTERS, "the worker must die in the middle of the batch"

        restarted = start_worker(env=env, options=options)
        wait_for(
            lambda: (
                items.filter(status=ItemStatus.DONE).count() == LETTERS
                and not Letter.objects.exclude(email_status=EmailStatus.SENT).exists()
            ),
            timeout=150,
            worker=restarted,
            what="the batch and its emails after the restart",
        )
        wait_for(lambda: len(sink.received()) >= LETTERS, timeout=30, worker=restarted, what="the emails")
        received = sink.received()

    letters = Letter.objects.filter(half_term=half_term())
    per_letter = Counter(letter_of(message) for message in received)
    doubled = sum(count - 1 for count in per_letter.values() if count > 1)
    lost = sum(1 for pk in letters.values_list("pk", flat=True) if pk not in per_letter)
    stuck = (
        items.exclude(status=ItemStatus.DONE).count()
        + letters.exclude(email_status=EmailStatus.SENT).count()
        + ReminderSent.objects.filter(status=ReminderStatus.SENDING).count()
    )
    print(
        f"\nfault test: letters={letters.count()} done_at_kill={done_at_kill} held_at_kill={held_at_kill} "
        f"emails_expected={LETTERS} emails_received={len(received)} doubled={doubled} lost={lost} "
        f"stuck={stuck}"
    )
    assert letters.count() == LETTERS
    assert set(letters.values_list("status", flat=True)) == {LetterStatus.ISSUED}
    assert letters.filter(issued_pdf__isnull=False).count() == LETTERS
    assert (doubled, lost, stuck) == (0, 0, 0)
    assert len(received) == LETTERS
