from django.conf import settings
from django.db import models
from django.db.models import Q

from schools.models import SchoolScopedQuerySet
from trust_portal.pdf_records import PdfRecord

from .statuses import LETTER_STATUS_COLOURS, EmailStatus, LetterStatus


class LetterQuerySet(SchoolScopedQuerySet):
    def sent(self):
        return self.filter(status__in=[LetterStatus.ISSUED, LetterStatus.ACKNOWLEDGED])


class Letter(models.Model):
    """The CEO's half-termly letter to a school's head and LSB chair.

    Until it is issued it is composed from the live data; on issue the composed content and the PDF made
    from it are frozen and never change. A correction is a new version with a reason.
    """

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="letters")
    half_term = models.ForeignKey("schools.HalfTerm", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveSmallIntegerField(default=1)
    corrects = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="correction"
    )
    correction_reason = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=LetterStatus.choices, default=LetterStatus.DRAFT)
    dated = models.DateField(
        "date on the letter", null=True, blank=True, help_text="Empty: dated the day it is issued."
    )
    ceo_text = models.TextField("the CEO's letter", blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    # Frozen on issue: what the letter said, and the PDF made from exactly that.
    content = models.JSONField(null=True, blank=True, editable=False)
    issued_pdf = models.ForeignKey(
        "letters.LetterPdf", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    email_status = models.CharField(max_length=20, choices=EmailStatus.choices, default=EmailStatus.NOT_SENT)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # When a worker took the email to send; a claim older than PORTAL_CLAIM_STALE_AFTER is taken back.
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.TextField(blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-half_term__starts_on", "school__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "half_term", "version"], name="one_letter_version_per_school_half_term"
            ),
            models.CheckConstraint(
                condition=Q(version=1) | Q(corrects__isnull=False), name="a_later_version_corrects_one"
            ),
        ]

    def __str__(self):
        version = f" (version {self.version})" if self.version > 1 else ""
        return f"Letter to {self.school} for {self.half_term.label}{version}"

    @property
    def is_sent(self):
        return self.status in {LetterStatus.ISSUED, LetterStatus.ACKNOWLEDGED}

    @property
    def status_colour(self):
        return LETTER_STATUS_COLOURS[self.status]

    @property
    def is_draft(self):
        return self.status == LetterStatus.DRAFT

    @property
    def is_approved(self):
        return self.status == LetterStatus.APPROVED

    @property
    def is_acknowledged(self):
        return self.status == LetterStatus.ACKNOWLEDGED


class LetterPdfQuerySet(SchoolScopedQuerySet):
    school_field = "letter__school"


class LetterPdf(PdfRecord):
    """One PDF of a letter made from one composed content (identified by its hash).

    Made by a worker: PENDING -> PROCESSING -> READY or FAILED (with the error). The same content is
    never rendered twice; changed data gets a new record.
    """

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="pdfs")
    file = models.FileField(upload_to="letters/%Y/", blank=True)

    objects = LetterPdfQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "content_hash"], name="one_pdf_per_letter_content"),
        ]

    def __str__(self):
        return f"PDF of {self.letter} ({self.get_status_display()})"
