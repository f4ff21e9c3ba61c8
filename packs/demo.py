"""One pack of each kind for the demo trust's next meetings, made by the governance professional through
the service and rendered here, synchronously, by the function the worker runs (as the letters demo does).
Idempotent: a kind that already has a pack is left alone."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .document import pack_pdf_render
from .models import Pack, PackKind
from .services import pack_make

# Days from today to each meeting: the committees meet the week before the board.
MEETINGS = {PackKind.EDUCATION_STANDARDS: 7, PackKind.FINANCE_RISK: 8, PackKind.TRUST_BOARD: 14}


def load(*, stdout=None):
    maker = get_user_model().objects.filter(email="governance@riverside.example").first()
    if maker is None:
        return
    today = timezone.localdate()
    made = 0
    for kind, days in MEETINGS.items():
        if Pack.objects.filter(kind=kind).exists():
            continue
        pack = pack_make(kind=kind, meeting_on=today + timedelta(days=days), by=maker, today=today)
        pack_pdf_render(pack_id=pack.pk)
        made += 1
    if stdout:
        stdout.write(f"Packs: {made} board and committee packs made with their PDFs.")
