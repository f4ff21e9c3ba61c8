from datetime import date, timedelta

import factory
from django.utils import timezone

from audits.models import ActionEvent, ActionStatus, Audit, AuditAction, AuditType, EventKind, Priority
from tests.factories import SchoolFactory, UserFactory


def audit_type(name="Fire safety"):
    return AuditType.objects.get(name=name)


class AuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audit

    school = factory.SubFactory(SchoolFactory)
    audit_type = factory.LazyFunction(audit_type)
    carried_out_on = date(2026, 1, 15)
    auditor = "A. Assessor"
    recorded_by = factory.SubFactory(UserFactory)


class AuditActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditAction
        skip_postgeneration_save = True

    audit = factory.SubFactory(AuditFactory)
    description = factory.Sequence(lambda n: f"Replace fire door closer {n}")
    priority = Priority.MEDIUM
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    owner = factory.SubFactory(UserFactory)
    status = ActionStatus.OPEN
    created_by = factory.SelfAttribute("audit.recorded_by")

    @factory.post_generation
    def recorded(obj, create, extracted, **kwargs):
        if create:
            ActionEvent.objects.create(action=obj, kind=EventKind.RECORDED, by=obj.created_by)


def action_at(school, *, owner, status=ActionStatus.OPEN, **fields):
    """An action at `school` (of a fresh audit), owned by `owner`, already in `status`."""
    return AuditActionFactory(audit__school=school, owner=owner, status=status, **fields)
