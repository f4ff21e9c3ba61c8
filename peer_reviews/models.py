"""A peer review (seed 002, Appendix 5): a group of about six from the trust's schools and centre spends a
day answering the school lead's questions. Its focus, notes and findings are confidential to the group and
the school's head: `PeerReview.objects.visible_to(user)` is the only way the portal reads them."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from schools.access import access_for
from schools.roles import HEAD_ROLES
from trust_portal.pdf_records import PdfRecord


class ReviewStatus(models.TextChoices):
    PLANNED = "planned", "Planned: waiting for the focus and questions"
    FOCUS_SENT = "focus_sent", "Focus and questions sent: timetable to agree"
    TIMETABLE_AGREED = "timetable_agreed", "Timetable agreed and circulated"
    HELD = "held", "Held: findings letter to write"
    LETTER_ISSUED = "letter_issued", "Letter issued: whole-staff session to record"
    COMPLETED = "completed", "Completed"


# The only moves a review makes, each by one service. The focus may be sent again (revised) until the
# timetable is agreed; the timetable may be revised and the day's notes added to until the letter.
REVIEW_MOVES = {
    ReviewStatus.PLANNED: {ReviewStatus.FOCUS_SENT},
    ReviewStatus.FOCUS_SENT: {ReviewStatus.FOCUS_SENT, ReviewStatus.TIMETABLE_AGREED},
    ReviewStatus.TIMETABLE_AGREED: {ReviewStatus.TIMETABLE_AGREED, ReviewStatus.HELD},
    ReviewStatus.HELD: {ReviewStatus.HELD, ReviewStatus.LETTER_ISSUED},
    ReviewStatus.LETTER_ISSUED: {ReviewStatus.COMPLETED},
    ReviewStatus.COMPLETED: set(),
}
# The review day has happened: it counts towards the school's one a year.
HELD_OR_LATER = frozenset({ReviewStatus.HELD, ReviewStatus.LETTER_ISSUED, ReviewStatus.COMPLETED})
LETTER_ISSUED_OR_LATER = frozenset({ReviewStatus.LETTER_ISSUED, ReviewStatus.COMPLETED})

STATUS_COLOURS = {
    ReviewStatus.PLANNED: "grey",
    ReviewStatus.FOCUS_SENT: "purple",
    ReviewStatus.TIMETABLE_AGREED: "purple",
    ReviewStatus.HELD: "orange",
    ReviewStatus.LETTER_ISSUED: "orange",
    ReviewStatus.COMPLETED: "green",
}


class PeerReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The review group and the school's current head(s); to everyone else a review does not exist:
        not trustees, not the LSB, not heads outside the group, not trust-wide roles outside it."""
        access = access_for(user)
        if not access.roles:
            return self.none()
        head_of = [pk for pk, roles in access.school_roles.items() if roles & HEAD_ROLES]
        in_group = ReviewMember.objects.filter(review=OuterRef("pk"), person=user)
        return self.filter(Q(Exists(in_group)) | Q(school_id__in=head_of))


class PeerReview(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="peer_reviews")
    review_on = models.DateField("day of the review")
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PLANNED)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The week before: the school lead's focus and questions (the questions are rows below).
    focus_area = models.TextField(blank=True)
    focus_sent_on = models.DateField(null=True, blank=True)
    # The draft timetable, agreed with the school lead and then circulated to the group.
    timetable = models.TextField(blank=True)
    timetable_agreed_on = models.DateField(null=True, blank=True)
    # On the day: notes kept with the school, and the CFO/COO's internal checks.
    notes = models.TextField(blank=True)
    internal_checks = models.TextField(blank=True)
    # Afterwards: whether the results are as expected (the categorisation evidence, never the findings).
    results_as_expected = models.BooleanField(null=True, blank=True)
    letter_issued_on = models.DateField(null=True, blank=True)
    # The whole-staff session led by the trust's Action Plan Facilitators.
    staff_session_on = models.DateField(null=True, blank=True)
    facilitators = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PeerReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-review_on", "school__name"]

    def __str__(self):
        return f"Peer review of {self.school}, {self.review_on:%-d %B %Y}"

    @property
    def status_colour(self):
        return STATUS_COLOURS[self.status]

    @property
    def is_held(self):
        return self.status in HELD_OR_LATER

    @property
    def letter_issued(self):
        return self.status in LETTER_ISSUED_OR_LATER


class ReviewMember(models.Model):
    """One person in the review group, with the role they came in (as it was when chosen)."""

    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=200)
    internal_checks = models.BooleanField(
        default=False, help_text="Comes for the internal checks (the CFO, the COO or their delegates)."
    )

    class Meta:
        ordering = ["internal_checks", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "person"], name="one_membership_per_review_person")
        ]

    def __str__(self):
        return f"{self.person} ({self.role})"


class ReviewQuestion(models.Model):
    """A key question the review seeks to answer, and the findings against it for the letter."""

    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    added_by_ceo = models.BooleanField(default=False)
    strengths = models.TextField(blank=True)
    future_focus = models.TextField("possible areas for future focus", blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.text[:80]


class ReviewEvent(models.Model):
    """Who did what to a review, and when. Written by the services only."""

    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=100)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.action} by {self.by}"


class ReviewLetterPdf(PdfRecord):
    """The findings letter as agreed: made once by a worker from the content frozen when it was issued."""

    review = models.OneToOneField(PeerReview, on_delete=models.PROTECT, related_name="letter")
    file = models.FileField(upload_to="peer_reviews/%Y/", blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "peer review letter PDF"

    def __str__(self):
        return f"Letter of {self.review} ({self.get_status_display()})"
