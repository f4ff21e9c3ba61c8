"""A completed review feeds the Universal characteristic "peer review results are as expected": yes, no,
or none this academic year, without its findings, in one query whatever the number of schools."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from categorisation.evidence import evidence_for
from peer_reviews.evidence import CODE, peer_review_evidence
from peer_reviews.models import PeerReview, ReviewStatus
from schools.models import HalfTerm
from tests.peer_reviews import scenario

SPRING_DAY = date(2026, 3, 10)


def _answer(found, school):
    return [(e.holds, e.text) for e in found[school.pk] if e.code == CODE]


@pytest.mark.parametrize(("as_expected", "said"), [(True, "as expected"), (False, "not as expected")])
def test_a_reviews_answer_is_the_evidence_and_a_school_without_one_has_none_this_year(
    world, as_expected, said
):
    with time_machine.travel(SPRING_DAY):
        scenario.letter_issued(world, as_expected=as_expected, render=False)
        found = evidence_for(
            school_ids=[world.school_a.pk, world.school_b.pk], half_term=HalfTerm.objects.current()
        )
    assert _answer(found, world.school_a) == [(as_expected, f"Peer review of 10 March 2026: results {said}")]
    assert _answer(found, world.school_b) == [(False, "No peer review this academic year (2025-26)")]
    assert "CONFIDENTIAL" not in str(found)


def test_a_review_whose_letter_is_not_issued_yet_gives_no_answer(world):
    with time_machine.travel(SPRING_DAY):
        scenario.findings_written(world)
        found = evidence_for(school_ids=[world.school_a.pk], half_term=HalfTerm.objects.current())
    assert _answer(found, world.school_a) == [(False, "No peer review this academic year (2025-26)")]


def test_last_years_review_does_not_count_for_this_year(world):
    with time_machine.travel(SPRING_DAY):
        scenario.letter_issued(world, render=False)
    with time_machine.travel(date(2026, 11, 10)):
        found = evidence_for(school_ids=[world.school_a.pk], half_term=HalfTerm.objects.current())
    assert _answer(found, world.school_a) == [(False, "No peer review this academic year (2026-27)")]


def test_the_evidence_runs_one_query_for_two_schools_or_forty(world):
    with time_machine.travel(SPRING_DAY):
        half_term = HalfTerm.objects.current()
        scenario.letter_issued(world, render=False)
        counts = []
        for extra in (0, 38):
            schools = [world.school_a.pk, world.school_b.pk]
            for school in scenario.other_schools(extra):
                schools.append(school.pk)
                PeerReview.objects.create(
                    school=school, review_on=SPRING_DAY, planned_by=world.ceo, status=ReviewStatus.COMPLETED,
                    results_as_expected=True, letter_issued_on=SPRING_DAY,
                )  # fmt: skip
            with CaptureQueriesContext(connection) as captured:
                answers = list(peer_review_evidence(school_ids=schools, half_term=half_term))
            counts.append(len(captured))
            assert len(answers) == len(schools)
    print("peer review evidence queries (2 schools, 40 schools):", counts)
    assert counts == [1, 1]


def test_the_ceos_decision_screen_shows_the_answer_beside_the_core_offer_characteristic(world):
    from categorisation.screen import screen_rows

    with time_machine.travel(SPRING_DAY):
        scenario.letter_issued(world, render=False)
        half_term = HalfTerm.objects.current()
        [row] = screen_rows(schools=[world.school_a], half_term=half_term, expanded={world.school_a.pk})
    education = next(d for d in row.decisions if d.dimension == "education")
    shown = [(s.text, s.holds) for s in education.suggestions if s.text.startswith("Peer review")]
    assert shown == [("Peer review of 10 March 2026: results as expected", True)]
