from datetime import date

import pytest

from letters.errors import LetterError
from letters.models import DirectiveEvent, DirectiveStatus, LetterStatus
from letters.selectors import directives_not_met
from letters.services import (
    directive_accept,
    directive_report_done,
    directive_return,
    directive_set,
    directive_withdraw,
)
from schools.models import HalfTermNumber
from tests.letters.factories import draft_letter, half_term

pytestmark = pytest.mark.django_db


def sent_letter(world, **kwargs):
    letter = draft_letter(world.school_a, world.ceo, **kwargs)
    return letter


def mark_sent(letter):
    letter.status = LetterStatus.ISSUED
    letter.save(update_fields=["status"])


def test_the_ceo_sets_a_directive_in_a_draft_letter(world):
    letter = sent_letter(world)
    directive = directive_set(letter=letter, text="Secure the SCR", due_on=date(2027, 1, 15), by=world.ceo)
    assert directive.status == DirectiveStatus.OPEN
    assert str(directive).startswith("Aut 2, 26: Secure the SCR")
    assert DirectiveEvent.objects.get(directive=directive).by == world.ceo


def test_only_the_ceo_sets_directives(world):
    letter = sent_letter(world)
    with pytest.raises(LetterError, match="Only the CEO can set directives"):
        directive_set(letter=letter, text="x", by=world.cfo)


def test_a_directive_cannot_be_added_to_an_approved_letter(world):
    letter = sent_letter(world)
    letter.status = LetterStatus.APPROVED
    letter.save()
    with pytest.raises(LetterError, match="Return the letter to draft first"):
        directive_set(letter=letter, text="x", by=world.ceo)


def test_the_head_reports_done_and_the_ceo_accepts(world):
    letter = sent_letter(world)
    directive = directive_set(letter=letter, text="Secure the SCR", by=world.ceo)
    mark_sent(letter)
    directive_report_done(
        directive=directive, by=world.head_a, what_was_done="Checked", done_on=date(2026, 12, 1)
    )
    directive_accept(directive=directive, by=world.ceo)
    directive.refresh_from_db()
    assert directive.status == DirectiveStatus.CLOSED
    assert [e.to_status for e in directive.events.all()] == ["open", "reported_done", "closed"]


def test_the_ceo_returns_a_report_with_a_reason_and_the_head_reports_again(world):
    letter = sent_letter(world)
    directive = directive_set(letter=letter, text="Secure the SCR", by=world.ceo)
    mark_sent(letter)
    directive_report_done(
        directive=directive, by=world.head_a, what_was_done="Checked", done_on=date(2026, 12, 1)
    )
    with pytest.raises(LetterError, match="Say why the report is returned"):
        directive_return(directive=directive, by=world.ceo, reason=" ")
    directive_return(directive=directive, by=world.ceo, reason="Two files still lack DBS dates")
    directive_report_done(
        directive=directive, by=world.head_a, what_was_done="Fixed", done_on=date(2026, 12, 3)
    )
    directive.refresh_from_db()
    assert directive.status == DirectiveStatus.REPORTED_DONE


def test_another_schools_head_cannot_report_a_directive_done(world):
    letter = sent_letter(world)
    directive = directive_set(letter=letter, text="Secure the SCR", by=world.ceo)
    mark_sent(letter)
    with pytest.raises(LetterError, match="Only the headteacher of Ashdown"):
        directive_report_done(
            directive=directive, by=world.head_b, what_was_done="x", done_on=date(2026, 12, 1)
        )


def test_an_open_directive_cannot_be_accepted_before_it_is_reported(world):
    letter = sent_letter(world)
    directive = directive_set(letter=letter, text="Secure the SCR", by=world.ceo)
    with pytest.raises(LetterError, match="This directive is open, so it cannot be moved to closed"):
        directive_accept(directive=directive, by=world.ceo)


def test_a_directive_can_be_withdrawn_only_while_its_letter_is_a_draft(world):
    letter = sent_letter(world)
    directive = directive_set(letter=letter, text="Typo", by=world.ceo)
    other = directive_set(letter=letter, text="Keep", by=world.ceo)
    directive_withdraw(directive=directive, by=world.ceo)
    mark_sent(letter)
    with pytest.raises(LetterError, match="no longer a draft"):
        directive_withdraw(directive=other, by=world.ceo)


def test_directives_past_due_and_not_closed_are_not_met(world):
    letter = draft_letter(world.school_a, world.ceo, term=half_term(2026, HalfTermNumber.AUTUMN_1))
    late = directive_set(letter=letter, text="Late", due_on=date(2026, 10, 1), by=world.ceo)
    directive_set(letter=letter, text="Not due", due_on=date(2027, 1, 1), by=world.ceo)
    directive_set(letter=letter, text="No date", by=world.ceo)
    mark_sent(letter)
    not_met = directives_not_met(school_ids=[world.school_a.pk, world.school_b.pk], on=date(2026, 11, 23))
    assert [d.pk for d in not_met[world.school_a.pk]] == [late.pk]
    assert world.school_b.pk not in not_met


def test_late_directives_are_evidence_that_finance_directives_are_not_met(
    world, django_assert_max_num_queries
):
    from categorisation.evidence import evidence_for

    letter = draft_letter(world.school_a, world.ceo, term=half_term(2026, HalfTermNumber.AUTUMN_1))
    directive_set(letter=letter, text="Send the recovery plan", due_on=date(2026, 10, 1), by=world.ceo)
    mark_sent(letter)
    with django_assert_max_num_queries(20):
        found = evidence_for(school_ids=[world.school_a.pk, world.school_b.pk], half_term=half_term())
    mine = {e.school_id: e for items in found.values() for e in items if e.code == "fin.directives_not_met"}
    assert mine[world.school_a.pk].holds
    assert "oldest due 1 October 2026 (Aut 1, 26: Send the recovery plan)" in mine[world.school_a.pk].text
    assert not mine[world.school_b.pk].holds
