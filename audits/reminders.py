"""Which reminders are due today, and sending each exactly once.

A reminder is claimed by creating its `ReminderSent` row (unique per action, kind and due date, or per
person, digest and week) in its own short transaction; the email goes only after that commit, outside
any transaction. A second run finds the row and sends nothing. A failed send is marked FAILED and is
claimed again by the next run.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from audits.models import (
    AWAITING_CHECK,
    AWAITING_SCHOOL,
    AuditAction,
    ReminderKind,
    ReminderSent,
    ReminderStatus,
)
from audits.schedule_reminders import (
    AUDIT_KINDS,
    audit_due_dates,
    audit_message,
    overdue_audits,
)
from notifications import hand_offs
from notifications.selectors import wants_digest
from schools.models import Appointment
from schools.roles import Role

logger = logging.getLogger(__name__)

# Days before the due date -> the reminder sent then. An action first seen inside a window gets only
# that window's reminder (an action recorded 5 days before its date gets the 3-day one, not both).
BEFORE_DUE = [(0, ReminderKind.DUE_TODAY), (3, ReminderKind.DUE_IN_3_DAYS), (14, ReminderKind.DUE_IN_14_DAYS)]


def kind_for(days_left: int):
    for limit, kind in BEFORE_DUE:
        if days_left <= limit:
            return kind
    return None


@dataclass(frozen=True)
class Reminder:
    kind: str
    recipient_id: int
    due_on: date
    action_id: int | None = None


def is_working_day(today: date) -> bool:
    """No reminder goes on a Saturday or a Sunday: it waits for Monday."""
    return today.weekday() < 5


def catch_up_from(today: date) -> date:
    """The first day a run covers: Monday's run also covers the Saturday and Sunday that sent nothing."""
    return today - timedelta(days=2) if today.weekday() == 0 else today


def due_reminders(today: date) -> list[Reminder]:
    """Before-due and on-the-day reminders for actions still waiting for the school. One query."""
    actions = AuditAction.objects.filter(
        status__in=AWAITING_SCHOOL,
        due_on__gte=catch_up_from(today),
        due_on__lte=today + timedelta(days=14),
        owner__is_active=True,
    ).values_list("pk", "owner_id", "due_on")
    return [
        Reminder(kind=kind_for((due_on - today).days), recipient_id=owner, due_on=due_on, action_id=pk)
        for pk, owner, due_on in actions
    ]


def audit_due_reminders(today: date) -> list[Reminder]:
    """The compliance manager's reminders of audits falling due in 30 and 7 days and on the day."""
    managers = compliance_managers(today)
    return [
        Reminder(kind=kind, recipient_id=person, due_on=due_on)
        for kind, due_on in audit_due_dates(today, since=catch_up_from(today))
        for person in managers
    ]


def week_of(today: date) -> date:
    return today - timedelta(days=today.weekday())


def digest_reminders(today: date) -> list[Reminder]:
    """Weekly digests: each owner of overdue actions; each compliance manager, if any await a check."""
    monday = week_of(today)
    owners = (
        AuditAction.objects.overdue(today)
        .filter(owner__is_active=True)
        .values_list("owner_id", flat=True)
        .distinct()
        .order_by("owner_id")
    )
    reminders = [Reminder(ReminderKind.OVERDUE_DIGEST, owner, monday) for owner in owners]
    managers = compliance_managers(today)
    if AuditAction.objects.filter(status__in=AWAITING_CHECK).exists():
        reminders += [Reminder(ReminderKind.AWAITING_CHECK_DIGEST, person, monday) for person in managers]
    if overdue_audits(today):
        reminders += [Reminder(ReminderKind.AUDIT_OVERDUE_DIGEST, person, monday) for person in managers]
    return reminders


def compliance_managers(today: date) -> list[int]:
    return list(
        Appointment.objects.current(today)
        .filter(role=Role.COMPLIANCE_MANAGER, person__is_active=True)
        .values_list("person_id", flat=True)
        .distinct()
    )


def _claim(reminder: Reminder) -> ReminderSent | None:
    """Take the reminder for this run, or None if another run has it (sent, or being sent)."""
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(
                kind=reminder.kind,
                recipient_id=reminder.recipient_id,
                action_id=reminder.action_id,
                due_on=reminder.due_on,
            )
    except IntegrityError:
        lookup = {"kind": reminder.kind, "due_on": reminder.due_on}
        if reminder.action_id:
            lookup["action_id"] = reminder.action_id
        else:
            lookup.update(action__isnull=True, recipient_id=reminder.recipient_id)
        previous = ReminderSent.objects.filter(**lookup, status=ReminderStatus.FAILED).first()
        if previous and ReminderSent.objects.filter(pk=previous.pk, status=ReminderStatus.FAILED).update(
            status=ReminderStatus.SENDING, claimed_at=timezone.now()
        ):
            return previous
        return None


def _link(name, **kwargs):
    return settings.PORTAL_BASE_URL + reverse(name, kwargs=kwargs)


def _message(record: ReminderSent, today: date) -> tuple[str, str]:
    recipient = record.recipient
    if record.kind in AUDIT_KINDS:
        return audit_message(record, today)
    if record.action_id:
        action = AuditAction.objects.select_related("audit__school", "audit__audit_type").get(
            pk=record.action_id
        )
        days = (action.due_on - today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        if days < 0:  # fell due at the weekend, when no reminder goes
            when = f"on {action.due_on:%A %-d %B}"
        subject = f"Audit action due {when}: {action.audit.school}"
        body = render_to_string(
            "audits/email/action_due.txt",
            {
                "person": recipient,
                "action": action,
                "when": when,
                "link": _link("audits:action_detail", pk=action.pk),
            },
        )
        return subject, body
    if record.kind == ReminderKind.OVERDUE_DIGEST:
        actions = list(
            AuditAction.objects.overdue(today)
            .filter(owner=recipient)
            .select_related("audit__school", "audit__audit_type")
        )
        subject = f"{len(actions)} overdue audit action{'s' if len(actions) != 1 else ''}"
        body = render_to_string(
            "audits/email/overdue_digest.txt",
            {"person": recipient, "actions": actions, "base": settings.PORTAL_BASE_URL},
        )
        return subject, body
    actions = list(
        AuditAction.objects.filter(status__in=AWAITING_CHECK)
        .select_related("audit__school", "audit__audit_type")
        .order_by("reported_at")
    )
    subject = (
        f"{len(actions)} audit action{'s' if len(actions) != 1 else ''} reported and awaiting your check"
    )
    body = render_to_string(
        "audits/email/awaiting_check_digest.txt",
        {
            "person": recipient,
            "actions": actions,
            "base": settings.PORTAL_BASE_URL,
            "link": settings.PORTAL_BASE_URL + reverse("audits:actions") + "?awaiting_check=on",
        },
    )
    return subject, body


def send_claimed(record: ReminderSent, today: date) -> bool:
    """Send one claimed reminder. Call outside any transaction: the claim has already been committed.
    An action's owner who chose one email a day finds it there instead (a hand-off, held for it)."""
    if record.action_id and wants_digest(record.recipient):
        hand_offs.action_due(record)
        ReminderSent.objects.filter(pk=record.pk).update(status=ReminderStatus.SENT, sent_at=timezone.now())
        return True
    try:
        subject, body = _message(record, today)
        send_mail(subject, body, None, [record.recipient.email])
    except Exception as error:  # noqa: BLE001 - any failure leaves the reminder for the next run
        logger.exception("Audit reminder %s could not be sent", record.pk)
        ReminderSent.objects.filter(pk=record.pk).update(status=ReminderStatus.FAILED, last_error=str(error))
        return False
    ReminderSent.objects.filter(pk=record.pk).update(status=ReminderStatus.SENT, sent_at=timezone.now())
    return True


def send_reminders(reminders: list[Reminder], today: date) -> int:
    sent = 0
    for reminder in reminders:
        record = _claim(reminder)
        if record is not None:
            record = ReminderSent.objects.select_related("recipient").get(pk=record.pk)
            sent += send_claimed(record, today)
    return sent


def reminders_recover(*, now=None) -> int:
    """Send again the reminders a dead run left "sending": a claim older than PORTAL_CLAIM_STALE_AFTER
    (longer than any task may run) is taken back, by a conditional update so only one sweeper sends it.
    An action reminder whose action no longer waits for the school is marked failed instead."""
    now = now or timezone.now()
    stale = ReminderSent.objects.filter(
        status=ReminderStatus.SENDING, claimed_at__lt=now - settings.PORTAL_CLAIM_STALE_AFTER
    )
    sent = 0
    for record in stale.select_related("recipient", "action"):
        if not stale.filter(pk=record.pk).update(claimed_at=now):
            continue
        if record.action_id and record.action.status not in AWAITING_SCHOOL:
            ReminderSent.objects.filter(pk=record.pk).update(
                status=ReminderStatus.FAILED, last_error="The action no longer waits for the school."
            )
            continue
        sent += send_claimed(record, timezone.localdate(now))
    return sent
