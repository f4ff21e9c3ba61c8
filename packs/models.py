"""A board or committee pack: the papers the portal gives a meeting, made once as a frozen PDF record."""

from django.conf import settings
from django.db import models

from schools.access import access_for
from schools.roles import Role
from trust_portal.pdf_records import PdfRecord


class PackKind(models.TextChoices):
    TRUST_BOARD = "trust_board", "Trust Board"
    EDUCATION_STANDARDS = "es_committee", "Education & Standards Committee"
    FINANCE_RISK = "fr_committee", "Finance & Risk Committee"


# Who makes packs: the CEO and the governance professional (the clerk to the board and its committees).
MAKERS = frozenset({Role.CEO, Role.GOVERNANCE_PROFESSIONAL})
# Who reads each kind, besides its makers. Committees are committees of the Trust Board: the portal does
# not record which trustee sits on which, so every trustee reads every committee's pack; a committee
# chair reads the board's pack and their own committee's, not the other committee's.
READERS = {
    PackKind.TRUST_BOARD: frozenset({Role.TRUSTEE, Role.ES_CHAIR, Role.FR_CHAIR}),
    PackKind.EDUCATION_STANDARDS: frozenset({Role.TRUSTEE, Role.ES_CHAIR}),
    PackKind.FINANCE_RISK: frozenset({Role.TRUSTEE, Role.FR_CHAIR}),
}


def kinds_readable_by(user) -> list[str]:
    access = access_for(user)
    return [kind.value for kind in PackKind if access.has_trust_role(*MAKERS, *READERS[kind])]


class PackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The packs of the kinds this person reads; to everyone else a pack does not exist (404)."""
        return self.filter(kind__in=kinds_readable_by(user))


class Pack(PdfRecord):
    """One meeting's pack. It is asked for in a request and waits; the worker that makes it reads what it
    says and freezes that content on the record (empty, with no hash, until then), makes the PDF once,
    and a later pack for the same meeting is a new record, never a change to this one."""

    kind = models.CharField(max_length=20, choices=PackKind.choices)
    meeting_on = models.DateField("meeting date")
    half_term = models.ForeignKey("schools.HalfTerm", on_delete=models.PROTECT, related_name="+")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to="packs/%Y/", blank=True)

    objects = PackQuerySet.as_manager()

    class Meta:
        ordering = ["-meeting_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} pack for {self.meeting_on:%-d %B %Y}"

    @property
    def download_name(self):
        return f"{self.kind.replace('_', '-')}-pack-{self.meeting_on:%Y-%m-%d}-{self.pk}.pdf"
