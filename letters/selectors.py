"""Reads of letters and directives. Each runs a fixed number of queries."""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from .models import Directive, ItemStatus, LetterBatch
from .recovery import item_stalled


def directives_not_met(*, school_ids, on: date | None = None) -> dict[int, list[Directive]]:
    """{school_id: [Directive]} past their due date and not closed (one query)."""
    on = on or timezone.localdate()
    found: dict[int, list[Directive]] = {}
    for directive in (
        Directive.objects.filter(school_id__in=list(school_ids), due_on__lt=on)
        .not_closed()
        .select_related("half_term")
        .order_by("due_on", "pk")
    ):
        found.setdefault(directive.school_id, []).append(directive)
    return found


def batch_progress(batch: LetterBatch) -> dict:
    """How far a batch has got, for the progress bar and its JSON endpoint (three queries).

    A stalled letter (its worker died, or its task never reached the queue) is listed so the CEO can
    retry it at once rather than wait for the sweeper."""
    now = timezone.now()
    counts = batch.items.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=ItemStatus.DONE)),
        failed=Count("pk", filter=Q(status=ItemStatus.FAILED)),
    )
    stalled = list(
        batch.items.filter(item_stalled(now))
        .order_by("letter__school__name")
        .values_list("letter__school__name", flat=True)
    )
    failures = [
        {"school": school, "error": error}
        for school, error in batch.items.filter(status=ItemStatus.FAILED)
        .order_by("letter__school__name")
        .values_list("letter__school__name", "error")
    ]
    finished = counts["done"] + counts["failed"]
    return {
        **counts,
        "finished": finished,
        "running": finished < counts["total"],
        "percent": round(100 * finished / counts["total"]) if counts["total"] else 100,
        "failures": failures,
        "stalled": stalled,
        "can_retry": bool(stalled or failures),
    }


def batch_outcomes(*, half_term, limit: int = 5) -> list:
    """The half-term's latest approve-all and issue-all runs, newest first, each with `done`, `failed`
    and `total` counts for the letters list (two queries)."""
    from .models import LetterBatchItem

    batches = list(LetterBatch.objects.filter(half_term=half_term).select_related("started_by")[:limit])
    counts = {
        row["batch_id"]: row
        for row in LetterBatchItem.objects.filter(batch__in=batches)
        .values("batch_id")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=ItemStatus.DONE)),
            failed=Count("pk", filter=Q(status=ItemStatus.FAILED)),
        )
    }
    for batch in batches:
        row = counts.get(batch.pk, {})
        batch.total, batch.done, batch.failed = row.get("total", 0), row.get("done", 0), row.get("failed", 0)
    return batches


# The categories a letter states; each must be decided for the half-term before the letter is approved.
LETTER_DIMENSIONS = ("education", "finance", "site_hs")


def undecided_categories(*, school_ids, half_term) -> dict[int, list[str]]:
    """{school_id: ["Finance", "Site & H&S"]}: the letter's categories not decided for the half-term.

    Schools with all three decided are left out. One query.
    """
    from categorisation.models import Categorisation, Dimension

    school_ids = list(school_ids)
    decided = set(
        Categorisation.objects.current()
        .filter(school_id__in=school_ids, half_term=half_term, dimension__in=LETTER_DIMENSIONS)
        .values_list("school_id", "dimension")
    )
    missing = {}
    for school_id in school_ids:
        gaps = [Dimension(d).label for d in LETTER_DIMENSIONS if (school_id, d) not in decided]
        if gaps:
            missing[school_id] = gaps
    return missing


def recipients_by_school(*, school_ids) -> dict[int, list[str]]:
    """{school_id: [email]}: the head (or head of school) and LSB chair appointed today. One query."""
    from schools.models import Appointment
    from schools.roles import HEAD_ROLES, Role

    found: dict[int, set] = {}
    for school_id, email in (
        Appointment.objects.current()
        .filter(school_id__in=list(school_ids), role__in=[*HEAD_ROLES, Role.LSB_CHAIR])
        .values_list("school_id", "person__email")
    ):
        found.setdefault(school_id, set()).add(email)
    return {school_id: sorted(emails) for school_id, emails in found.items()}


def issue_summary(*, half_term) -> dict:
    """What issue-all would send: the approved letters not already being issued, and to whom (3 queries)."""
    from .models import BatchKind, Letter, LetterBatchItem, LetterStatus

    busy = LetterBatchItem.objects.filter(
        batch__kind=BatchKind.ISSUE, status__in=[ItemStatus.PENDING, ItemStatus.PROCESSING]
    ).values("letter_id")
    letters = list(
        Letter.objects.filter(half_term=half_term, status=LetterStatus.APPROVED)
        .exclude(pk__in=busy)
        .select_related("school")
        .order_by("school__name")
    )
    recipients = recipients_by_school(school_ids={letter.school_id for letter in letters})
    rows = [(letter, recipients.get(letter.school_id, [])) for letter in letters]
    return {
        "rows": rows,
        "letter_count": len(letters),
        "people_count": len({email for _, emails in rows for email in emails}),
        "without_recipients": [letter for letter, emails in rows if not emails],
    }


# A letter not acknowledged this many days after issue is chased by the CEO.
ACKNOWLEDGE_WITHIN_DAYS = 10
# How far back the CEO's to-do looks for sent letters the record no longer matches: a correction to a
# half-term that ended more than a year ago is not worth a new letter.
RECORD_CHANGES_LOOK_BACK_DAYS = 365


def todo_items(user, access, *, today: date) -> list:
    """This app's work for the to-do page. The CEO: drafts to approve and letters to issue (one item per
    half-term), directives reported done, letters not acknowledged after 10 days, and sent letters the
    record has changed since (to correct). A head: the letter to acknowledge, and every directive open or
    returned to the school. An LSB chair: the letter sent to them, until the school acknowledges it.
    At most eight queries, whatever the number of schools or letters."""
    from datetime import timedelta

    from django.urls import reverse

    from schools.models import HalfTerm, School
    from schools.roles import HEAD_ROLES, Role
    from todo.items import TodoItem

    from .changes import letters_changed_since_issue
    from .models import DirectiveStatus, Letter, LetterStatus
    from .permissions import acknowledging_school_ids, may_approve, may_decide, may_issue

    items = []
    if may_approve(user) or may_issue(user) or may_decide(user):
        counts = list(
            Letter.objects.visible_to(user)
            .filter(status__in=[LetterStatus.DRAFT, LetterStatus.APPROVED])
            .values("half_term_id", "status")
            .annotate(n=Count("pk"))
        )
        half_terms = HalfTerm.objects.in_bulk({row["half_term_id"] for row in counts}) if counts else {}
        current = HalfTerm.objects.current(on=today)
        without = (
            School.objects.visible_to(user).exclude(letters__half_term=current).count() if current else 0
        )
        if without:
            # Started in place: the drafts open on the letters list, where they are approved.
            items.append(
                TodoItem(
                    group="Letters",
                    title=f"Start the letters to {without} school{'s' if without != 1 else ''} "
                    f"for {current.label}",
                    href=f"{reverse('letters:list')}?half_term={current.pk}",
                    status="Not started",
                    colour="grey",
                    due_on=current.ends_on,
                    overdue=current.ends_on < today,
                    action=(reverse("letters:drafts_create", args=[current.pk]), "Start the drafts"),
                )
            )
        for row in counts:
            half_term = half_terms[row["half_term_id"]]
            n, draft = row["n"], row["status"] == LetterStatus.DRAFT
            items.append(
                TodoItem(
                    group="Letters",
                    title=f"{'Approve' if draft else 'Issue'} {n} {'draft' if draft else 'approved'} "
                    f"letter{'s' if n != 1 else ''} for {half_term.label}",
                    href=f"{reverse('letters:list')}?half_term={half_term.pk}",
                    status="To approve" if draft else "To issue",
                    colour="grey" if draft else "yellow",
                    due_on=half_term.ends_on,
                    overdue=half_term.ends_on < today,
                )
            )
        for directive in (
            Directive.objects.visible_to(user)
            .filter(status=DirectiveStatus.REPORTED_DONE)
            .select_related("school", "half_term")
            .order_by("due_on", "pk")
        ):
            items.append(
                TodoItem(
                    group="Directives",
                    title=f"Check {directive.school}'s report: {directive.text[:80]}",
                    href=reverse("letters:school_letters", args=[directive.school.urn]),
                    status="Reported done",
                    colour="purple",
                    due_on=directive.due_on,
                )
            )
        chase_before = timezone.now() - timedelta(days=ACKNOWLEDGE_WITHIN_DAYS)
        for letter in (
            Letter.objects.visible_to(user)
            .filter(status=LetterStatus.ISSUED, issued_at__lt=chase_before)
            .select_related("school", "half_term")
            .order_by("issued_at", "pk")
        ):
            chase_on = timezone.localtime(letter.issued_at).date() + timedelta(days=ACKNOWLEDGE_WITHIN_DAYS)
            items.append(
                TodoItem(
                    group="Letters",
                    title=f"Chase {letter.school}: {letter.half_term.label} letter not acknowledged",
                    href=reverse("letters:detail", args=[letter.pk]),
                    status="Not acknowledged",
                    colour="red",
                    due_on=chase_on,
                    overdue=True,
                )
            )

        look_back = today - timedelta(days=RECORD_CHANGES_LOOK_BACK_DAYS)
        sent = (
            Letter.objects.visible_to(user)
            .sent()
            .filter(correction__isnull=True, half_term__ends_on__gte=look_back)
            .select_related("school", "half_term__academic_year")
            .order_by("half_term__starts_on", "school__name")
        )
        for letter, changes in letters_changed_since_issue(sent):
            n = len(changes)
            items.append(
                TodoItem(
                    group="Letters",
                    title=f"Issue a corrected {letter.half_term.label} letter to {letter.school}: "
                    f"{n} change{'s' if n != 1 else ''} to the record since it was sent",
                    href=reverse("letters:detail", args=[letter.pk]),
                    status="Record changed",
                    colour="red",
                )
            )

    head_of = list(acknowledging_school_ids(user))
    lsb_chair_of = [
        pk for pk, roles in access.school_roles.items() if Role.LSB_CHAIR in roles and not roles & HEAD_ROLES
    ]
    if head_of or lsb_chair_of:
        for letter in (
            Letter.objects.filter(school_id__in=[*head_of, *lsb_chair_of], status=LetterStatus.ISSUED)
            .select_related("school", "half_term")
            .order_by("issued_at", "pk")
        ):
            due = timezone.localtime(letter.issued_at).date() + timedelta(days=ACKNOWLEDGE_WITHIN_DAYS)
            if letter.school_id in lsb_chair_of:
                # Addressed to the LSB chair too; the head acknowledges receipt for the school.
                items.append(
                    TodoItem(
                        group="Letters",
                        title=f"Read the {letter.half_term.label} letter to {letter.school}",
                        href=reverse("letters:detail", args=[letter.pk]),
                        status="Sent to you",
                        colour="yellow",
                    )
                )
                continue
            items.append(
                TodoItem(
                    group="Letters",
                    title=f"Read and acknowledge the {letter.half_term.label} letter to {letter.school}",
                    href=reverse("letters:detail", args=[letter.pk]),
                    status="To acknowledge",
                    colour="orange",
                    due_on=due,
                    overdue=due < today,
                    action=(reverse("letters:acknowledge", args=[letter.pk]), "Acknowledge receipt"),
                )
            )
    if head_of:
        for directive in (
            Directive.objects.filter(
                school_id__in=head_of, status__in=[DirectiveStatus.OPEN, DirectiveStatus.RETURNED]
            )
            .filter(letter__status__in=[LetterStatus.ISSUED, LetterStatus.ACKNOWLEDGED])
            .select_related("school", "half_term")
            .order_by("due_on", "pk")
        ):
            returned = directive.status == DirectiveStatus.RETURNED
            items.append(
                TodoItem(
                    group="Directives",
                    title=f"{directive.school}: {directive.text[:100]}",
                    href=reverse("letters:detail", args=[directive.letter_id]) + f"#directive-{directive.pk}",
                    status="Returned to you" if returned else "Open",
                    colour="red" if returned else "orange",
                    due_on=directive.due_on,
                    overdue=directive.is_overdue,
                )
            )
    return items
