"""A generated PDF is a record: letters' PDFs and warning notices' PDFs are made the same way.

A record holds the content it was made from (frozen JSON) and goes PENDING -> PROCESSING -> READY or
FAILED (with the error). A worker claims it with a conditional update, renders it through the one
WeasyPrint path (`trust_portal.pdf.render_pdf`), stores the file with its SHA-256 and the time it was
made, and never remakes a READY record: new content gets a new record.
"""

import hashlib
import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError, models
from django.db.models import F, Q
from django.utils import timezone

from .pdf import render_pdf

logger = logging.getLogger(__name__)

# Errors worth trying again later (the database was busy or the connection dropped); anything else in a
# render is a fault in the content or the machinery, recorded as FAILED.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


class RenderStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a worker"
    PROCESSING = "processing", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


# A failed render may be tried again; a ready one is never remade (new content gets a new record).
RENDER_MOVES = {
    RenderStatus.PENDING: {RenderStatus.PROCESSING},
    RenderStatus.PROCESSING: {RenderStatus.READY, RenderStatus.FAILED},
    RenderStatus.FAILED: {RenderStatus.PROCESSING},
    RenderStatus.READY: set(),
}


class PdfRecord(models.Model):
    """The fields every generated PDF record has; the concrete model adds its owner and its `file`."""

    content_hash = models.CharField(max_length=64)
    content = models.JSONField(editable=False)
    status = models.CharField(max_length=20, choices=RenderStatus.choices, default=RenderStatus.PENDING)
    sha256 = models.CharField("SHA-256 of the PDF", max_length=64, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    made_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def is_ready(self):
        return self.status == RenderStatus.READY


def _stale_after() -> timedelta:
    # A claim older than the hard time limit belongs to a worker that died mid-render.
    return settings.PORTAL_CLAIM_STALE_AFTER


def pdf_records_stalled(queryset, *, now=None) -> list[int]:
    """The ids of PDF records waiting longer than any task may run, or held by a worker that died: the
    sweeper gives each a new task (letters, notices, peer review letters, packs)."""
    cutoff = (now or timezone.now()) - _stale_after()
    return list(
        queryset.filter(
            Q(status=RenderStatus.PENDING, created_at__lt=cutoff)
            | Q(status=RenderStatus.PROCESSING, claimed_at__lt=cutoff)
        ).values_list("pk", flat=True)
    )


def pdf_record_render(
    *,
    model: type[PdfRecord],
    pk: int,
    html: Callable[[PdfRecord], str],
    file_name: Callable[[PdfRecord], str],
    related: tuple = (),
):
    """Render one PDF record if nobody else has: claim, render, store the file, record READY or FAILED.

    Safe to call twice: a ready record is left alone, and one being made elsewhere is not touched.
    Returns the record, or None if it has gone. `html(record)` is the document to lay out (from the
    record's frozen content); `file_name(record)` where to store it.
    """
    now = timezone.now()
    claimable = Q(status__in=[RenderStatus.PENDING, RenderStatus.FAILED]) | Q(
        status=RenderStatus.PROCESSING, claimed_at__lt=now - _stale_after()
    )
    claimed = model.objects.filter(claimable, pk=pk).update(
        status=RenderStatus.PROCESSING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return model.objects.filter(pk=pk).first()
    record = model.objects.select_related(*related).get(pk=pk)
    try:
        data = render_pdf(html(record))
        name = default_storage.save(file_name(record), ContentFile(data))
    except TRANSIENT_ERRORS:
        # Let the task retry: hand the claim back so the retry can take it.
        model.objects.filter(pk=pk, status=RenderStatus.PROCESSING).update(status=RenderStatus.PENDING)
        raise
    except Exception as error:  # kept on the record for the people who need it, and to retry
        logger.exception("%s %s failed", model._meta.verbose_name, pk)
        model.objects.filter(pk=pk, status=RenderStatus.PROCESSING).update(
            status=RenderStatus.FAILED, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        record.refresh_from_db()
        return record
    model.objects.filter(pk=pk, status=RenderStatus.PROCESSING).update(
        status=RenderStatus.READY,
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        made_at=timezone.now(),
        last_error="",
    )
    record.refresh_from_db()
    return record
