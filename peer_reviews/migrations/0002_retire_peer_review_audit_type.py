"""Peer reviews now have their own app, confidential to the review group: the annual "Peer review" audit
type (whose audits trustees and LSB chairs could read) comes off the audit schedule. Its row is kept, so
any audit already recorded against it keeps its type."""

from django.db import migrations

NAME = "Peer review"


def retire(apps, schema_editor):
    AuditType = apps.get_model("audits", "AuditType")
    AuditType.objects.filter(name=NAME).update(
        is_active=False, provider="Retired: peer reviews are recorded under Peer reviews"
    )


def restore(apps, schema_editor):
    AuditType = apps.get_model("audits", "AuditType")
    AuditType.objects.filter(name=NAME).update(is_active=True, provider="Peer review team from trust schools")


class Migration(migrations.Migration):
    dependencies = [
        ("peer_reviews", "0001_initial"),
        ("audits", "0002_audit_types"),
    ]

    operations = [migrations.RunPython(retire, restore)]
