"""Packs' share of the sweeper, by the letters' rule (letters.recovery): a pack waiting longer than any
task may run, or held by a worker that died, gets a new task."""

from datetime import datetime

from django.db.models import Q

from letters.recovery import stale_before
from trust_portal.pdf_records import RenderStatus

from .models import Pack


def pack_pdfs_recover(*, now: datetime | None = None) -> int:
    from .services import pack_render_queue

    cutoff = stale_before(now)
    waiting = Pack.objects.filter(
        Q(status=RenderStatus.PENDING, created_at__lt=cutoff)
        | Q(status=RenderStatus.PROCESSING, claimed_at__lt=cutoff)
    )
    ids = list(waiting.values_list("pk", flat=True))
    for pk in ids:
        pack_render_queue(pack_id=pk)
    return len(ids)
