"""Recording hand-offs, and a person's choice between single emails and one a day.

`notify` is called by the other apps' services at the moment an item lands on someone's desk, inside
their transaction: it records one `HandOff` per recipient (none twice: the row is unique per event, item,
occurrence and person) and, once the change commits, queues each one that is not held for a daily email.
"""

from datetime import date

from django.db import transaction

from trust_portal.queue import enqueue

from .models import EmailPreference, Event, HandOff
from .selectors import digest_people


def notify(
    *,
    event: Event,
    item_id: int,
    recipients,
    path: str,
    school=None,
    due_on: date | None = None,
    occurrence: str = "",
    count: int = 1,
) -> list[int]:
    """Record the hand-off for each recipient; returns the ids of those newly recorded."""
    people = {person.pk: person for person in recipients if person is not None and person.is_active}
    if not people:
        return []
    by_digest = digest_people(people)
    created = []
    for person_id in sorted(people):
        hand_off, is_new = HandOff.objects.get_or_create(
            event=event,
            item_id=item_id,
            occurrence=str(occurrence),
            recipient_id=person_id,
            defaults={
                "school": school,
                "due_on": due_on,
                "count": count,
                "path": path,
                "held_for_digest": person_id in by_digest,
            },
        )
        if is_new:
            created.append(hand_off)
    from .tasks import send_hand_off

    for hand_off in created:
        if not hand_off.held_for_digest:
            # If the queue is down the message stays waiting; the sweeper sends it once it is back.
            transaction.on_commit(
                lambda pk=hand_off.pk: enqueue(lambda: send_hand_off.delay(pk), what="a hand-off email")
            )
    return [hand_off.pk for hand_off in created]


def email_preference_set(*, person, daily_digest: bool) -> EmailPreference:
    """The person's own choice. Hand-offs already recorded go as they were recorded (single or held)."""
    preference, _ = EmailPreference.objects.update_or_create(
        person=person, defaults={"daily_digest": daily_digest}
    )
    return preference
