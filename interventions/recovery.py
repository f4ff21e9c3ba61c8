"""Warning notices' share of the sweeper, by the letters' rule (letters.recovery): a PDF or an email
waiting longer than any task may run, or held by a worker that died, gets a new task."""

from datetime import datetime

from letters.models import EmailStatus
from letters.recovery import stale_before
from trust_portal.pdf_records import pdf_records_stalled
from trust_portal.queue import enqueue

from .models import NoticeEmail, NoticePdf


def notice_pdfs_recover(*, now: datetime | None = None) -> int:
    from .tasks import render_notice_pdf

    ids = pdf_records_stalled(NoticePdf.objects.all(), now=now)
    for pk in ids:
        enqueue(lambda pk=pk: render_notice_pdf.delay(pk), what=f"notice PDF {pk}")
    return len(ids)


def notice_emails_recover(*, now: datetime | None = None) -> int:
    from .tasks import send_notice_email

    cutoff = stale_before(now)
    # A claim a dead worker left is taken back by a conditional update, so only one sweeper has it.
    NoticeEmail.objects.filter(status=EmailStatus.SENDING, claimed_at__lt=cutoff).update(
        status=EmailStatus.NOT_SENT
    )
    waiting = NoticeEmail.objects.filter(status=EmailStatus.NOT_SENT, created_at__lt=cutoff)
    ids = list(waiting.values_list("pk", flat=True))
    for pk in ids:
        enqueue(lambda pk=pk: send_notice_email.delay(pk), what=f"notice email {pk}")
    return len(ids)
