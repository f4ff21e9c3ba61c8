"""Making a pack: the one way a pack record comes to exist."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from records.chain import record_append
from schools.models import HalfTerm
from trust_portal.pdf_records import RenderStatus
from trust_portal.queue import enqueue

from . import permissions
from .content import content_hash, pack_content
from .models import Pack, PackKind

# A pack is for a meeting about to happen or just held; further out it would report on the wrong term.
MEETING_WINDOW = timedelta(days=120)


def pack_make(*, kind: str, meeting_on: date, by, today: date | None = None) -> Pack:
    """Ask for a pack: record it, waiting, and leave it for a worker to read what it says and make the PDF
    (queued on commit). The request reads nothing of the trust's schools."""
    permissions.require_make_pack(by)
    today = today or timezone.localdate()
    if kind not in PackKind.values:
        raise ValidationError("Choose the meeting the pack is for: the Trust Board or one of its committees.")
    if abs(meeting_on - today) > MEETING_WINDOW:
        raise ValidationError(
            f"Enter a meeting date within {MEETING_WINDOW.days} days of today: a pack reports on the "
            "current half-term."
        )
    half_term = reported_half_term(on=min(meeting_on, today))
    if half_term is None:
        raise ValidationError("The trust's calendar has no half-term yet, so there is nothing to report on.")
    with transaction.atomic():
        pack = Pack.objects.create(
            kind=kind, meeting_on=meeting_on, half_term=half_term, made_by=by, content={}, content_hash=""
        )
        record_append(
            actor=by, event="pack made", subject=pack, changes={"kind": kind, "meeting_on": meeting_on}
        )
        transaction.on_commit(lambda: pack_render_queue(pack_id=pack.pk))
    return pack


def pack_content_freeze(pack: Pack) -> dict:
    """What the pack says, read once by the worker that claimed it and frozen on the record: a retry or
    a second worker finds it there and lays out the same content, never a newer one."""
    if pack.content_hash:
        return pack.content
    content = pack_content(
        kind=pack.kind,
        meeting_on=pack.meeting_on,
        half_term=pack.half_term,
        today=timezone.localdate(pack.created_at),
    )
    digest = content_hash(content)
    if not Pack.objects.filter(pk=pack.pk, content_hash="").update(content=content, content_hash=digest):
        pack.refresh_from_db(fields=["content", "content_hash"])  # frozen meanwhile: that content stands
        return pack.content
    pack.content, pack.content_hash = content, digest
    return content


def pack_retry(*, pack: Pack, by) -> Pack:
    """Try a failed pack again: it goes back to waiting and a worker makes it from its frozen content (or
    reads it, if it failed before that). Refused unless the pack failed: a ready pack is never remade.
    Waiting since it was first asked for, the sweeper queues it again should this task be lost."""
    permissions.require_make_pack(by)
    with transaction.atomic():
        retried = Pack.objects.filter(pk=pack.pk, status=RenderStatus.FAILED).update(
            status=RenderStatus.PENDING, claimed_at=None
        )
        if not retried:
            raise ValidationError(
                "Only a pack whose PDF failed can be tried again: this one is "
                f"{Pack.objects.get(pk=pack.pk).get_status_display().lower()}."
            )
        record_append(actor=by, event="pack retried", subject=pack, changes={"last_error": pack.last_error})
        transaction.on_commit(lambda: pack_render_queue(pack_id=pack.pk))
    pack.refresh_from_db()
    return pack


def reported_half_term(*, on: date) -> HalfTerm | None:
    """The half-term a pack reports on: the latest one with decisions, at or before `on` (early in a
    half-term the CEO has not categorised yet, and the board reviews the decisions of the one before)."""
    decided = (
        HalfTerm.objects.filter(starts_on__lte=on, categorisations__is_current=True)
        .order_by("-starts_on")
        .first()
    )
    return decided or HalfTerm.objects.current(on=on)


def pack_render_queue(*, pack_id: int) -> bool:
    from .tasks import render_pack_pdf

    # If the queue is down the pack stays waiting; the sweeper queues it once the queue is back.
    return enqueue(lambda: render_pack_pdf.delay(pack_id), what=f"pack PDF {pack_id}")
