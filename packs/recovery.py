"""Packs' share of the sweeper, by the letters' rule (letters.recovery): a pack waiting longer than any
task may run, or held by a worker that died, gets a new task."""

from datetime import datetime

from trust_portal.pdf_records import pdf_records_stalled

from .models import Pack


def pack_pdfs_recover(*, now: datetime | None = None) -> int:
    from .services import pack_render_queue

    ids = pdf_records_stalled(Pack.objects.all(), now=now)
    for pk in ids:
        pack_render_queue(pack_id=pk)
    return len(ids)
