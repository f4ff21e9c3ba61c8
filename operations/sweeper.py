"""The sweeper: every few minutes (beat), take back stale claims and re-queue work that has no task.

Each part lives with its app and follows the same rule (see letters.recovery); this only runs them all.
"""

from datetime import datetime

from django.utils import timezone

from audits.reminders import reminders_recover
from categorisation.services.vote_messages import vote_messages_recover
from interventions.recovery import notice_emails_recover, notice_pdfs_recover
from letters.recovery import batch_items_recover, letter_emails_recover, letter_pdfs_recover
from notifications.sending import digests_recover, hand_offs_recover
from packs.recovery import pack_pdfs_recover
from peer_reviews.recovery import letter_pdfs_recover as peer_review_letters_recover


def claims_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """How many of each kind of work were taken back or queued again."""
    now = now or timezone.now()
    return {
        "letter_pdfs": letter_pdfs_recover(now=now),
        "batch_items": batch_items_recover(now=now),
        "letter_emails": letter_emails_recover(now=now),
        "audit_reminders": reminders_recover(now=now),
        "vote_messages": vote_messages_recover(now=now),
        "notice_pdfs": notice_pdfs_recover(now=now),
        "notice_emails": notice_emails_recover(now=now),
        "pack_pdfs": pack_pdfs_recover(now=now),
        "peer_review_letters": peer_review_letters_recover(now=now),
        "hand_offs": hand_offs_recover(now=now),
        "digests": digests_recover(now=now),
    }
