"""Closing an intervention is appended to the hash-chained record (records app)."""

from datetime import date

from categorisation.models import Dimension
from interventions import services
from records.models import Entry


def test_closing_a_finance_rep_is_on_the_record(world, decide):
    frep = services.frep_open(school=world.school_a, written_on=date(2025, 11, 10), by=world.cfo)
    decide(world.school_a, Dimension.FINANCE, "poor", date(2026, 1, 8))
    services.frep_close(frep=frep, outcome="poor", closed_on=date(2026, 1, 9), by=world.ceo)
    entry = Entry.objects.get(event="intervention.closed")
    assert (entry.subject_id, entry.changes, entry.actor) == (str(frep.pk), {"outcome": "poor"}, world.ceo)
