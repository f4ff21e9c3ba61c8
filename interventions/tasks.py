"""Worker tasks for warning notices: make the notice's PDF record, and send each recipient's email.

Each takes a primary key, re-reads the row, skips what is done, and claims its work with a conditional
update so that a task run twice never sends twice.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from letters.models import EmailStatus
from letters.tasks import EMAIL_TRANSIENT_ERRORS, RENDER_LIMITS, RETRY
from trust_portal.pdf_records import TRANSIENT_ERRORS

from .models import NoticeEmail
from .notice_document import notice_pdf_render

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=TRANSIENT_ERRORS, **RETRY, **RENDER_LIMITS)
def render_notice_pdf(pdf_id: int) -> None:
    notice_pdf_render(pdf_id=pdf_id)


@shared_task(autoretry_for=EMAIL_TRANSIENT_ERRORS, **RETRY, soft_time_limit=60, time_limit=90)
def send_notice_email(email_id: int) -> None:
    """Tell one recipient the notice has been issued. The notice itself stays behind the sign-in."""
    claimed = NoticeEmail.objects.filter(
        pk=email_id, status__in=[EmailStatus.NOT_SENT, EmailStatus.FAILED]
    ).update(status=EmailStatus.SENDING, claimed_at=timezone.now())
    if not claimed:
        return
    email = NoticeEmail.objects.select_related("notice__school").get(pk=email_id)
    notice = email.notice
    link = settings.PORTAL_BASE_URL + reverse("interventions:notice_detail", args=[notice.pk])
    message = EmailMessage(
        subject=f"{notice.get_dimension_display()} warning notice: {notice.school}",
        body=(
            f"The trust has issued a {notice.get_dimension_display().lower()} warning notice to "
            f"{notice.school} on {notice.issued_on:%-d %B %Y}. Its compliance period ends "
            f"{notice.period_ends_on:%-d %B %Y}.\n\n"
            f"Read it and download the PDF after signing in to the portal:\n{link}\n"
        ),
        to=[email.email],
    )
    try:
        message.send()
    except Exception as error:
        NoticeEmail.objects.filter(pk=email_id, status=EmailStatus.SENDING).update(
            status=EmailStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    NoticeEmail.objects.filter(pk=email_id, status=EmailStatus.SENDING).update(
        status=EmailStatus.SENT, sent_at=timezone.now(), error=""
    )
