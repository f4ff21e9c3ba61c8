"""The hash-chained record: appended under a lock, walked by `verify_record`, which names the first entry
that does not match after a direct edit in the database."""

import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from categorisation.models import Choice
from categorisation.services import categorisation_decide, vote_cast, vote_close
from records.chain import record_append, record_append_many, verify_chain
from records.models import GENESIS_HASH, ChainHead, Entry
from tests.categorisation.factories import level
from tests.categorisation.test_votes import everyone_votes, open_vote


def _verify():
    from io import StringIO

    out = StringIO()
    call_command("verify_record", stdout=out)
    return out.getvalue()


def test_each_entry_holds_the_hash_of_the_one_before_and_the_chain_verifies(world):
    first = record_append(actor=world.ceo, event="test.made", subject=world.school_a, changes={"a": 1})
    second = record_append(actor=None, event="test.made", subject="A plain label", changes={"b": [1, 2]})
    assert first.previous_hash == GENESIS_HASH and second.previous_hash == first.hash
    assert (first.subject_id, first.subject_label, first.actor_label) == (
        str(world.school_a.pk),
        str(world.school_a),
        world.ceo.email,
    )
    assert "The record verifies: 2 entries" in _verify()
    assert ChainHead.objects.get().hash == second.hash


@pytest.mark.parametrize(
    ("column", "value"),
    [("changes", {"a": 99}), ("actor_label", "someone.else@trust.example"), ("event", "test.other")],
)
def test_a_row_altered_in_the_database_makes_verify_record_fail_naming_it(world, column, value):
    for n in range(5):
        record_append(actor=world.ceo, event="test.made", subject=world.school_a, changes={"a": n})
    Entry.objects.filter(sequence=3).update(**{column: value})
    with pytest.raises(CommandError, match="entry 3 does not match"):
        _verify()


def test_an_edit_in_raw_sql_with_the_hash_recomputed_is_still_caught_by_the_next_entry(world):
    for n in range(3):
        record_append(actor=world.ceo, event="test.made", subject="x", changes={"a": n})
    with connection.cursor() as cursor:
        cursor.execute("UPDATE records_entry SET hash = %s WHERE sequence = 2", ["f" * 64])
    with pytest.raises(CommandError, match="entry 2 does not match"):
        _verify()


def test_a_deleted_entry_is_caught_in_the_middle_and_at_the_end(world):
    for n in range(4):
        record_append(actor=world.ceo, event="test.made", subject="x", changes={"a": n})
    Entry.objects.filter(sequence=4).delete()
    assert verify_chain().first_bad == 4
    Entry.objects.filter(sequence=2).delete()
    with pytest.raises(CommandError, match="entry 2 does not match"):
        _verify()


def test_appending_many_takes_the_same_few_queries_for_1_or_50_entries(world, django_assert_num_queries):
    record_append(actor=world.ceo, event="warm", subject=world.school_a)  # content types cached, head made

    def entries(n):
        return [{"actor": world.ceo, "event": "bulk", "subject": world.school_a, "changes": {"n": i}}
                for i in range(n)]  # fmt: skip

    # A savepoint, lock the head, read it, insert the entries, move the head, release the savepoint.
    with django_assert_num_queries(6):
        record_append_many(entries(1))
    with django_assert_num_queries(6):
        record_append_many(entries(50))
    assert verify_chain().entries == 52 and verify_chain().ok


def test_decisions_and_votes_are_on_the_record(world, aut1, aut2, panel, poor_school):
    categorisation_decide(school=world.school_b, half_term=aut2, level=level("education", "universal"),
                          by=world.ceo)  # fmt: skip
    vote = open_vote(world, aut2)
    vote_cast(vote=vote, by=world.ceo, choice=Choice.FOR)
    everyone_votes(vote)
    vote_close(vote=vote, by=world.ceo)
    events = list(Entry.objects.values_list("event", flat=True))
    assert events == ["categorisation.decided", *["vote.cast"] * 6, "categorisation.decided", "vote.closed"]
    decided = Entry.objects.filter(event="categorisation.decided").last()
    assert decided.changes["level"] == "unacceptable" and decided.changes["vote"] == vote.pk
    assert Entry.objects.get(event="vote.closed").changes["counts"]["for"] == 6
    assert verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_appends_from_several_connections_at_once_do_not_fork_the_chain():
    def append(n):
        try:
            for i in range(10):
                record_append(actor=None, event="concurrent", subject=f"thread {n}", changes={"i": i})
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state = verify_chain()
    assert state.ok and state.entries == 40
    assert list(Entry.objects.values_list("sequence", flat=True)) == list(range(1, 41))


def test_the_ceos_record_page_shows_the_chains_state(world, client_as):
    from django.urls import reverse

    record_append(actor=world.ceo, event="test.made", subject="x", changes={})
    last = record_append(actor=world.ceo, event="test.made", subject="y", changes={})
    page = client_as(world.ceo).get(reverse("accounts:access_records")).content.decode()
    assert "Verified" in page and last.hash in page and "<dd>2</dd>" in page
    Entry.objects.filter(sequence=1).update(subject_label="z")
    page = client_as(world.ceo).get(reverse("accounts:access_records")).content.decode()
    assert "Does not verify" in page and "entry 1 is the first that does not match" in page
