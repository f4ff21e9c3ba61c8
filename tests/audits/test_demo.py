from datetime import timedelta

from django.utils import timezone

from audits import demo
from audits.models import ActionStatus, AuditAction
from schools import demo as schools_demo


def test_the_demo_gives_every_school_audits_and_actions_in_every_state_and_runs_twice(db):
    schools_demo.load()
    demo.load()
    demo.load()
    today = timezone.localdate()
    ashdown = AuditAction.objects.filter(audit__school__urn="990101")
    assert set(ashdown.values_list("status", flat=True)) == set(ActionStatus)
    assert any(a.is_overdue(today) for a in ashdown)
    assert ashdown.filter(status=ActionStatus.OPEN, due_on__lte=today + timedelta(days=7)).exists()
    assert ashdown.filter(status=ActionStatus.REPORTED_DONE, events__evidence__gt="").exists()
    assert AuditAction.objects.values("audit__school").distinct().count() == 12
    assert AuditAction.objects.count() == 144
