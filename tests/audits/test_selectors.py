from datetime import timedelta

from django.utils import timezone

from audits.evidence import audit_actions_evidence
from audits.models import ActionStatus
from audits.selectors import outstanding_actions_count, outstanding_actions_counts
from categorisation.evidence import evidence_for
from schools.models import HalfTerm
from tests.audits.factories import action_at
from tests.factories import SchoolFactory


def test_outstanding_counts_open_and_reported_but_not_closed(world):
    for status in ActionStatus:
        action_at(world.school_a, owner=world.head_a, status=status)
    assert outstanding_actions_count(school=world.school_a) == 4
    assert outstanding_actions_counts(school_ids=[world.school_a.pk, world.school_b.pk]) == {
        world.school_a.pk: 4,
        world.school_b.pk: 0,
    }


def test_the_evidence_says_audit_actions_are_not_closing_when_some_are_overdue(world):
    today = timezone.localdate()
    action_at(world.school_a, owner=world.head_a, due_on=today - timedelta(days=9))
    action_at(world.school_a, owner=world.head_a, due_on=today - timedelta(days=2))
    action_at(world.school_b, owner=world.head_b, due_on=today + timedelta(days=9))
    half_term = HalfTerm.objects.current()
    found = evidence_for(school_ids=[world.school_a.pk, world.school_b.pk], half_term=half_term)
    a = [e for e in found[world.school_a.pk] if e.code == "edu.audit_actions_closing"]
    b = [e for e in found[world.school_b.pk] if e.code == "edu.audit_actions_closing"]
    assert [(e.holds, e.dimension) for e in a] == [(False, "education")]
    oldest = (today - timedelta(days=9)).strftime("%-d %B %Y")
    assert a[0].text == f"2 audit actions overdue, oldest due {oldest}"
    assert [(e.holds, e.text) for e in b] == [(True, "No audit actions overdue; 1 outstanding, being closed")]


def test_the_evidence_provider_runs_the_same_queries_for_two_schools_or_twenty(
    world, django_assert_num_queries
):
    half_term = HalfTerm.objects.current()
    schools = [SchoolFactory(urn=f"3000{n:02d}") for n in range(20)]
    for school in schools:
        action_at(school, owner=world.head_a, due_on=timezone.localdate() - timedelta(days=1))
    with django_assert_num_queries(2):
        list(audit_actions_evidence(school_ids=[world.school_a.pk, world.school_b.pk], half_term=half_term))
    with django_assert_num_queries(2):
        assert (
            len(list(audit_actions_evidence(school_ids=[s.pk for s in schools], half_term=half_term))) == 20
        )
