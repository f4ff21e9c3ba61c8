"""Demo audits: every demo school's audits over the last year, and actions in every state, so every
audits screen shows something real. Made through the services, as the compliance manager and the heads
would. Runs after schools.demo; skips if the demo audits are already there."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from audits import services
from audits.models import ActionEvent, Audit, AuditAction, AuditType, EventKind, Priority
from schools.demo import DOMAIN, SCHOOLS
from schools.models import Appointment, School
from schools.roles import HEAD_ROLES

# A tiny but real PDF, so the report and evidence downloads open.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

ACTIONS = {
    "Fire safety": [
        "Fit a self-closing device to the kitchen fire door",
        "Clear the storage from the rear fire exit corridor",
        "Record the weekly fire alarm tests in the log book",
    ],
    "Health and safety": [
        "Replace the damaged flooring in the Year 3 corridor",
        "Complete the COSHH assessments for the cleaning cupboard",
    ],
    "Safeguarding": [
        "Refresh Level 3 safeguarding training for the deputy DSL",
        "Add the visitor safeguarding leaflet to the reception sign-in",
    ],
    "SCR checks": ["Record the prohibition check for the two September starters"],
    "Cyber security": ["Turn on multi-factor authentication for all staff email accounts"],
    "GDPR": ["Update the privacy notice for parents on the website"],
    "Website compliance": ["Publish the pupil premium strategy statement"],
    "Tree surveys": ["Crown-lift the oak overhanging the playground"],
}


def _pdf(name):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@transaction.atomic  # one commit, not hundreds: the demo loads in seconds, and all or nothing
def load(*, stdout=None):
    demo_urns = [row[0] for row in SCHOOLS]
    if Audit.objects.filter(school__urn__in=demo_urns).exists():
        if stdout:
            stdout.write("Demo audits already there.")
        return
    today = timezone.localdate()
    manager = get_user_model().objects.get(email=f"compliance@{DOMAIN}")
    types = {t.name: t for t in AuditType.objects.all()}
    heads = {
        a.school.urn: a.person
        for a in Appointment.objects.current().filter(role__in=HEAD_ROLES).select_related("school", "person")
    }
    count = 0
    for index, school in enumerate(School.objects.filter(urn__in=demo_urns).order_by("urn")):
        rng = random.Random(school.urn)
        head = heads[school.urn]
        audits = {}
        for name, audit_type in types.items():
            if rng.random() < 0.15:
                continue  # never audited: shows as due on the schedule
            # Spread over the last year, so some next audits are past, some due soon, some later.
            days_ago = rng.randint(20, 380) if audit_type.cycle != "termly" else rng.randint(20, 150)
            audits[name] = services.audit_create(
                school=school,
                audit_type=audit_type,
                carried_out_on=today - timedelta(days=days_ago),
                auditor=audit_type.provider,
                report=_pdf(f"{name.lower().replace(' ', '-')}-report.pdf") if rng.random() < 0.6 else None,
                by=manager,
            )
        for (name, descriptions), shift in zip(ACTIONS.items(), range(len(ACTIONS)), strict=True):
            audit = audits.get(name) or audits[next(iter(audits))]
            for offset, description in enumerate(descriptions):
                state = STATES[(index + shift + offset) % len(STATES)]
                _action_in(
                    state, audit=audit, description=description, head=head, manager=manager, today=today
                )
                count += 1
    if stdout:
        stdout.write(f"Demo audits: {Audit.objects.count()} audits, {count} actions in every state.")


# The states the demo shows: (name, priority, due in days).
STATES = [
    ("open", Priority.MEDIUM, 40),
    ("due soon", Priority.HIGH, 5),
    ("overdue", Priority.HIGH, -20),
    ("reported done with evidence", Priority.HIGH, 10),
    ("reported not actioned", Priority.LOW, 15),
    ("closed", Priority.MEDIUM, -30),
    ("reopened", Priority.MEDIUM, 7),
    ("open", Priority.LOW, 60),
    ("overdue", Priority.MEDIUM, -45),
]


def _action_in(state, *, audit, description, head, manager, today):
    name, priority, due_in = state
    action = services.audit_action_create(
        audit=audit,
        description=description,
        priority=priority,
        due_on=max(today + timedelta(days=due_in), audit.carried_out_on + timedelta(days=7)),
        owner=head,
        by=manager,
    )
    done = {
        "actions_taken": "Contractor booked and the work completed; staff told at the briefing.",
        "outcome": "Checked by the site manager: the issue is resolved.",
        "completed_on": today - timedelta(days=3),
        "by": head,
    }
    if name == "reported done with evidence":
        services.audit_action_report_done(action=action, evidence=_pdf("completion-certificate.pdf"), **done)
    elif name == "reported not actioned":
        services.audit_action_report_not_actioned(
            action=action,
            reason="The block is demolished in the summer rebuild, so the LSB agreed not to spend on it.",
            by=head,
        )
    elif name == "closed":
        services.audit_action_report_done(action=action, evidence=_pdf("photo-of-work.pdf"), **done)
        services.audit_action_close(action=action, closed_on=today - timedelta(days=1), by=manager)
    elif name == "reopened":
        services.audit_action_report_done(action=action, **done)
        services.audit_action_reopen(
            action=action,
            comment="Please send the contractor's certificate: the photo does not show the fixing.",
            by=manager,
        )
    _backdate(action, recorded=audit.carried_out_on + timedelta(days=2), today=today)


def _backdate(action, *, recorded, today):
    """Give the thread the dates it would have had: recorded after the audit, reported, then checked."""
    days = [recorded, today - timedelta(days=3), today - timedelta(days=1)]
    for event, day in zip(action.events.order_by("pk"), days, strict=False):
        at = timezone.make_aware(datetime.combine(day, time(10, 0)))
        ActionEvent.objects.filter(pk=event.pk).update(at=at)
        if event.kind == EventKind.RECORDED:
            AuditAction.objects.filter(pk=action.pk).update(created_at=at)
        if event.kind in (EventKind.REPORTED_DONE, EventKind.REPORTED_NOT_ACTIONED):
            AuditAction.objects.filter(pk=action.pk, reported_at__isnull=False).update(reported_at=at)
