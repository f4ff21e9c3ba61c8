"""The daily look for hand-offs nobody clicks: a REP milestone review falling due, and a letter still not
acknowledged 10 days after it was issued. Each is recorded once per item and person (see `notify`), so
the check can run any number of times a day."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from interventions.models import RepMilestone
from interventions.models.common import RecordStatus
from letters.models import Letter, LetterStatus
from letters.selectors import ACKNOWLEDGE_WITHIN_DAYS

from . import hand_offs
from .selectors import heads_of

# A review is announced this many days before its milestone's date; a milestone passed more than a
# week ago without a review is left to the to-do page (it would be old news by email).
REVIEW_NOTICE_DAYS = 3
REVIEW_LOOK_BACK_DAYS = 7


def rep_reviews_due(today: date) -> int:
    """Milestones of open REPs due soon, not yet reviewed: the REP's author (the EHT), its mentor and the
    school's head are told."""
    milestones = (
        RepMilestone.objects.filter(
            rep__status=RecordStatus.OPEN,
            due_on__gte=today - timedelta(days=REVIEW_LOOK_BACK_DAYS),
            due_on__lte=today + timedelta(days=REVIEW_NOTICE_DAYS),
            reviews__isnull=True,
        )
        .select_related("rep__school", "rep__author", "rep__mentor")
        .order_by("due_on", "pk")
    )
    made = 0
    for milestone in milestones:
        rep = milestone.rep
        made += len(hand_offs.rep_review_due(milestone, [rep.author, rep.mentor, *heads_of(rep.school_id)]))
    return made


def letters_unacknowledged(today: date) -> int:
    """Issued letters not acknowledged after 10 days: the school's head is reminded (the CEO sees them
    on the to-do page)."""
    # Issued on or before the day 10 days ago: on the tenth day after issue it is still not acknowledged.
    issued_before = timezone.make_aware(
        datetime.combine(today - timedelta(days=ACKNOWLEDGE_WITHIN_DAYS - 1), time.min)
    )
    letters = (
        Letter.objects.filter(status=LetterStatus.ISSUED, issued_at__lt=issued_before)
        .select_related("school")
        .order_by("issued_at", "pk")
    )
    return sum(
        len(hand_offs.letter_unacknowledged(letter, after_days=ACKNOWLEDGE_WITHIN_DAYS)) for letter in letters
    )


def daily_checks(today: date) -> int:
    return rep_reviews_due(today) + letters_unacknowledged(today)
