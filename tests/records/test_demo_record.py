import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from records.models import Entry


@pytest.mark.django_db
def test_the_demo_trusts_record_verifies_and_fails_after_a_direct_edit():
    call_command("load_demo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("verify_record", stdout=out)
    assert "The record verifies" in out.getvalue()
    events = set(Entry.objects.values_list("event", flat=True))
    assert {"categorisation.decided", "vote.cast", "vote.closed"} <= events
    bad = Entry.objects.filter(event="vote.closed").get()
    Entry.objects.filter(pk=bad.pk).update(changes={**bad.changes, "status": "carried"})
    with pytest.raises(CommandError, match=f"entry {bad.sequence} does not match"):
        call_command("verify_record", stdout=io.StringIO())
