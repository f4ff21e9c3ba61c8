"""Who is told of each hand-off, and where their link goes. Each function is the one line another app's
service calls at the moment of the change (inside its transaction): the emails are queued on commit."""

from collections import defaultdict
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from .models import Event
from .selectors import ceos, heads_of
from .services import notify


def directive_reported(directive) -> list[int]:
    """The head reported a directive done: the CEO accepts or returns it."""
    return notify(
        event=Event.DIRECTIVE_REPORTED,
        item_id=directive.pk,
        occurrence=directive.events.latest("pk").pk,
        recipients=ceos(),
        school=directive.school,
        due_on=directive.due_on,
        path=reverse("letters:school_letters", args=[directive.school.urn]),
    )


def directive_returned(directive) -> list[int]:
    """The CEO returned the school's report: the head has more to do."""
    return notify(
        event=Event.DIRECTIVE_RETURNED,
        item_id=directive.pk,
        occurrence=directive.events.latest("pk").pk,
        recipients=heads_of(directive.school_id),
        school=directive.school,
        due_on=directive.due_on,
        path=reverse("letters:detail", args=[directive.letter_id]),
    )


def action_reopened(action) -> list[int]:
    """The compliance manager sent an audit action back: its owner (usually the head) is told."""
    return notify(
        event=Event.ACTION_REOPENED,
        item_id=action.pk,
        occurrence=action.events.latest("pk").pk,
        recipients=[action.owner],
        school=action.audit.school,
        due_on=action.due_on,
        path=reverse("audits:action_detail", args=[action.pk]),
    )


def actions_imported(actions) -> list[int]:
    """Imported audit actions: one message per owner and audit, however many actions it brought."""
    groups = defaultdict(list)
    for action in actions:
        groups[(action.owner_id, action.audit_id)].append(action)
    created = []
    for group in groups.values():
        first = min(group, key=lambda action: action.pk)
        created += notify(
            event=Event.ACTIONS_IMPORTED,
            item_id=first.audit_id,
            occurrence=first.pk,
            recipients=[first.owner],
            school=first.audit.school,
            due_on=min(action.due_on for action in group),
            count=len(group),
            path=reverse("audits:audit_detail", args=[first.audit_id]),
        )
    return created


def action_due(reminder) -> list[int]:
    """An audit action's due-date reminder for an owner who chose one email a day (audits.reminders)."""
    action = reminder.action
    return notify(
        event=Event.ACTION_DUE,
        item_id=action.pk,
        occurrence=f"{reminder.kind}:{reminder.due_on}",
        recipients=[reminder.recipient],
        school=action.audit.school,
        due_on=action.due_on,
        path=reverse("audits:action_detail", args=[action.pk]),
    )


def rep_review_due(milestone, recipients) -> list[int]:
    return notify(
        event=Event.REP_REVIEW_DUE,
        item_id=milestone.pk,
        recipients=recipients,
        school=milestone.rep.school,
        due_on=milestone.due_on,
        path=reverse("interventions:rep_detail", args=[milestone.rep_id]),
    )


def letter_unacknowledged(letter, *, after_days: int) -> list[int]:
    issued_on = timezone.localtime(letter.issued_at).date()
    return notify(
        event=Event.LETTER_UNACKNOWLEDGED,
        item_id=letter.pk,
        recipients=heads_of(letter.school_id),
        school=letter.school,
        due_on=issued_on + timedelta(days=after_days),
        path=reverse("letters:detail", args=[letter.pk]),
    )


VOTE_EVENTS = {"opened": Event.VOTE_OPENED, "reminder": Event.VOTE_CLOSING, "outcome": Event.VOTE_CLOSED}


def vote_message(vote, vote_event: str, people) -> list[int]:
    """A vote's panel members who chose one email a day hear of it in their daily email."""
    return notify(
        event=VOTE_EVENTS[vote_event],
        item_id=vote.pk,
        recipients=people,
        school=vote.school,
        due_on=vote.closes_on,
        path=reverse("categorisation:vote", kwargs={"pk": vote.pk}),
    )
