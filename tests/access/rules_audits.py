from django.utils import timezone

from audits.models import ActionStatus
from tests.access import Rule, school_a_only, statuses, trust_wide_only
from tests.audits.factories import AuditFactory, action_at


def _action(world, status=ActionStatus.OPEN):
    return {"pk": action_at(world.school_a, owner=world.head_a, status=status).pk}


def _audit(world):
    return {"pk": AuditFactory(school=world.school_a).pk}


def _evidence(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from audits.services import audit_action_report_done

    action = action_at(world.school_a, owner=world.head_a)
    audit_action_report_done(
        action=action,
        actions_taken="Fitted",
        outcome="Works",
        completed_on=timezone.localdate(),
        evidence=SimpleUploadedFile("certificate.pdf", b"%PDF-1.7 certificate"),
        by=world.head_a,
    )
    return {"pk": action.events.get(kind="reported_done").pk}


def _report_with_file(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from audits.services import audit_create
    from tests.audits.factories import audit_type

    audit = audit_create(
        school=world.school_a,
        audit_type=audit_type(),
        carried_out_on=timezone.localdate(),
        report=SimpleUploadedFile("report.pdf", b"%PDF-1.7 report"),
        by=world.compliance_manager,
    )
    return {"pk": audit.pk}


def _today():
    return timezone.localdate().isoformat()


# Only the compliance manager records, imports, closes and reopens; other trust-wide roles read (403 on acts).
compliance_only = statuses(default=403, compliance_manager=200)
compliance_only_at_a = statuses(default=403, compliance_manager=200, head_b=404)
# The head of school A reports; everyone else who can see school A gets 403, school B's head 404.
head_a_only = statuses(default=403, head_a=200, head_b=404)

RULES = [
    Rule("audits:schedule", trust_wide_only()),
    Rule("audits:schedule_export", trust_wide_only()),
    Rule("audits:actions", trust_wide_only()),
    Rule("audits:actions_export", trust_wide_only()),
    Rule("audits:grid", trust_wide_only()),
    Rule("audits:import", compliance_only),
    Rule("audits:import_template", compliance_only),
    Rule("audits:audit_create", compliance_only),
    Rule("audits:school_actions", school_a_only(), kwargs=lambda world: {"urn": world.school_a.urn}),
    Rule("audits:school_actions_export", school_a_only(), kwargs=lambda world: {"urn": world.school_a.urn}),
    Rule("audits:audit_detail", school_a_only(), kwargs=_audit),
    Rule("audits:report_download", school_a_only(), kwargs=_report_with_file),
    Rule("audits:action_create", compliance_only_at_a, kwargs=_audit),
    Rule("audits:action_detail", school_a_only(), kwargs=_action),
    Rule("audits:evidence_download", school_a_only(), kwargs=_evidence),
    Rule("audits:action_report_done", head_a_only, kwargs=_action),
    Rule("audits:action_report_not_actioned", head_a_only, kwargs=_action),
    Rule(
        "audits:action_report_done",
        statuses(default=403, head_a=302, head_b=404),
        kwargs=_action,
        method="post",
        data=lambda world: {"actions_taken": "Done", "outcome": "Fine", "completed_on": _today()},
    ),
    Rule(
        "audits:action_report_not_actioned",
        statuses(default=403, head_a=302, head_b=404),
        kwargs=_action,
        method="post",
        data=lambda world: {"reason": "The door is being removed in the summer rebuild."},
    ),
    Rule(
        "audits:action_close", compliance_only_at_a, kwargs=lambda w: _action(w, ActionStatus.REPORTED_DONE)
    ),
    Rule(
        "audits:action_close",
        statuses(default=403, compliance_manager=302, head_b=404),
        kwargs=lambda w: _action(w, ActionStatus.REPORTED_DONE),
        method="post",
        data=lambda world: {"closed_on": _today()},
    ),
    Rule(
        "audits:action_reopen", compliance_only_at_a, kwargs=lambda w: _action(w, ActionStatus.REPORTED_DONE)
    ),
    Rule(
        "audits:action_reopen",
        statuses(default=403, compliance_manager=302, head_b=404),
        kwargs=lambda w: _action(w, ActionStatus.REPORTED_DONE),
        method="post",
        data=lambda world: {"comment": "Send the certificate, please.", "due_on": ""},
    ),
]
