"""Worker and beat tasks for hand-off emails. Each message is claimed in the database before it goes (see
`notifications.sending`), so running a task twice sends nothing twice."""

from celery import shared_task
from django.utils import timezone

from .checks import daily_checks
from .sending import digests_send, hand_off_send, hand_offs_send_waiting


@shared_task(name="notifications.send_hand_off")
def send_hand_off(hand_off_id: int) -> bool:
    """On commit of a hand-off: email the one person (unless they chose one email a day)."""
    return hand_off_send(hand_off_id=hand_off_id)


@shared_task(name="notifications.check_hand_offs")
def check_hand_offs() -> int:
    """Daily: record REP reviews falling due and letters unacknowledged after 10 days, then send every
    single message waiting (or failed on an earlier run)."""
    daily_checks(timezone.localdate())
    return hand_offs_send_waiting()


@shared_task(name="notifications.send_digests")
def send_digests() -> int:
    """Weekdays: one email to each person who chose it, listing what was held for them. Monday's covers
    the weekend."""
    today = timezone.localdate()
    if today.weekday() >= 5:
        return 0
    return digests_send(day=today)
