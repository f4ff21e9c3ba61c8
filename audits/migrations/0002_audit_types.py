"""The trust's centrally commissioned audit types (seed 002, Appendix 3), each with its cycle and provider."""

from django.db import migrations

AUDIT_TYPES = [
    ("Health and safety", "annual", "External health and safety consultant"),
    ("Fire safety", "annual", "Fire risk assessor"),
    ("GDPR", "annual", "Data protection officer"),
    ("Cyber security", "annual", "Trust IT partner"),
    ("Safeguarding", "annual", "External safeguarding auditor"),
    ("SCR checks", "termly", "Trust HR team"),
    ("HR checks", "annual", "Trust HR team"),
    ("Website compliance", "termly", "Trust compliance team"),
    ("Smoothwall", "termly", "Trust IT partner"),
    ("RAAC", "triennial", "Structural surveyor"),
    ("Tree surveys", "triennial", "Arboricultural consultant"),
    ("Internal controls", "annual", "Internal scrutiny provider"),
    ("Peer review", "annual", "Peer review team from trust schools"),
    ("Curriculum area review", "termly", "Educational Review Advisor"),
    ("External review of governance", "triennial", "External governance reviewer"),
    ("LAC & PEP reviews", "termly", "Virtual School"),
]


def add_types(apps, schema_editor):
    AuditType = apps.get_model("audits", "AuditType")
    for order, (name, cycle, provider) in enumerate(AUDIT_TYPES, start=1):
        AuditType.objects.update_or_create(
            name=name, defaults={"cycle": cycle, "provider": provider, "order": order}
        )


def remove_types(apps, schema_editor):
    AuditType = apps.get_model("audits", "AuditType")
    AuditType.objects.filter(name__in=[name for name, _, _ in AUDIT_TYPES], audits__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(add_types, remove_types)]
