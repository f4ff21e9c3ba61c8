from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db.models import Max

from notifications.models import HandOff
from notifications.tasks import send_hand_off
from schools.models import Trust
from tests.categorisation.conftest import aut1, aut2, panel, poor_school  # noqa: F401  (shared fixtures)
from tests.interventions.conftest import eht, rep  # noqa: F401
from tests.letters.worker import celery_worker  # noqa: F401  (the real-worker fixture)

TUESDAY = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
SENSITIVE = "Refer the DSL's concern about the caretaker"


@pytest.fixture(autouse=True)
def on_a_tuesday():
    """Every test here starts on a working day (the world is made inside it, so appointments are current)."""
    with time_machine.travel(TUESDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def trust(db):
    trust = Trust.objects.get_current()
    trust.name = "Schools for Every Child Trust"
    trust.save()
    return trust


def send_new_hand_offs_twice(since_pk=0) -> int:
    """Run the send task for each hand-off recorded, twice, as a retried or doubled task would."""
    sent = 0
    for pk in HandOff.objects.filter(pk__gt=since_pk).values_list("pk", flat=True):
        sent += send_hand_off(pk)
        sent += send_hand_off(pk)
    return sent


def last_hand_off_pk() -> int:
    return HandOff.objects.aggregate(m=Max("pk"))["m"] or 0
