"""What issuing a warning notice leaves behind: its PDF (a frozen record, versioned) and one email a
recipient (an outbox row, claimed before sending, sent once)."""

from django.conf import settings
from django.db import models

from letters.models import EmailStatus
from trust_portal.pdf_records import PdfRecord

from .common import scoped_to
from .notice import WarningNotice


class NoticePdf(PdfRecord):
    """The notice as issued. Made once by a worker from the content frozen at issue; a correction is a
    new version with its reason, never a change to this one."""

    notice = models.ForeignKey(WarningNotice, on_delete=models.PROTECT, related_name="pdfs")
    version = models.PositiveSmallIntegerField(default=1)
    reason = models.TextField(blank=True, help_text="Why this version corrects the one before.")
    file = models.FileField(upload_to="notices/%Y/", blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = scoped_to("notice__school")

    class Meta:
        ordering = ["-version"]
        verbose_name = "warning notice PDF"
        constraints = [
            models.UniqueConstraint(fields=["notice", "version"], name="one_pdf_per_notice_version"),
        ]

    def __str__(self):
        return f"PDF of {self.notice}, version {self.version} ({self.get_status_display()})"


class NoticeEmail(models.Model):
    """One message telling one recipient the notice has been issued, with a link to it."""

    notice = models.ForeignKey(WarningNotice, on_delete=models.PROTECT, related_name="emails")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    email = models.EmailField()
    status = models.CharField(max_length=20, choices=EmailStatus.choices, default=EmailStatus.NOT_SENT)
    created_at = models.DateTimeField(auto_now_add=True, null=True)
    # When a worker took the email to send; a claim older than PORTAL_CLAIM_STALE_AFTER is taken back.
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    objects = scoped_to("notice__school")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "recipient"], name="one_email_per_notice_recipient"),
        ]

    def __str__(self):
        return f"{self.notice} to {self.email} ({self.get_status_display()})"
