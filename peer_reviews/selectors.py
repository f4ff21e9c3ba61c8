"""Reads for peer reviews: the schedule (each school at least one a year), a person's reviews, and their
share of the to-do page. The schedule shows only dates and states, never a review's content."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse

from audits.models import add_months
from schools.models import School
from schools.roles import Role

from .models import HELD_OR_LATER, PeerReview, ReviewMember, ReviewStatus

STATE_LABELS = {
    "overdue": ("Overdue", "red"),
    "due": ("Due this year", "orange"),
    "planned": ("Planned", "purple"),
    "ok": ("Up to date", "green"),
}


def academic_year_end(day: date) -> date:
    """31 August of the academic year (1 September to 31 August) the day falls in."""
    return date(day.year if day.month < 9 else day.year + 1, 8, 31)


@dataclass(frozen=True)
class ScheduleRow:
    school: School
    last_held_on: date | None
    next_due_on: date
    planned_on: date | None  # the next review not yet held, if one is planned
    state: str

    @property
    def state_label(self):
        return STATE_LABELS[self.state][0]

    @property
    def state_colour(self):
        return STATE_LABELS[self.state][1]


def peer_review_schedule(*, schools, today: date) -> list[ScheduleRow]:
    """One row a school: a review is due 12 months after the last one held (a school never reviewed needs
    one by the end of this academic year). Overdue once that day has passed with none planned; due if it
    falls in this academic year. One query, whatever the number of schools."""
    schools = list(schools)
    last: dict[int, date] = {}
    planned: dict[int, date] = {}
    rows = PeerReview.objects.filter(school__in=schools).values_list("school_id", "review_on", "status")
    for school_id, review_on, status in rows:
        if status in HELD_OR_LATER:
            last[school_id] = max(review_on, last.get(school_id, review_on))
        else:
            planned[school_id] = min(review_on, planned.get(school_id, review_on))
    year_end = academic_year_end(today)
    schedule = []
    for school in schools:
        held = last.get(school.pk)
        next_due = add_months(held, 12) if held else year_end
        if school.pk in planned:
            state = "planned"
        elif next_due < today:
            state = "overdue"
        elif next_due <= year_end:
            state = "due"
        else:
            state = "ok"
        schedule.append(ScheduleRow(school, held, next_due, planned.get(school.pk), state))
    return schedule


def reviews_for(user):
    """The reviews this person may see (their group's and their own school's), newest first."""
    return PeerReview.objects.visible_to(user).select_related("school")


def todo_items(user, access, *, today: date) -> list:
    """This app's work for the to-do page. The school lead: send the focus and questions (due the week
    before), then the day, then the whole-staff session. The CEO in the group: the timetable, the
    letter, the session. Everyone in the group: the day. The CEO also gets the schools due or overdue a
    review. At most three queries, whatever the number of schools or reviews; no findings are shown."""
    from todo.items import TodoItem

    items = []
    if not access.roles:
        return items
    is_ceo = access.has_trust_role(Role.CEO)
    in_group = ReviewMember.objects.filter(review=OuterRef("pk"), person=user)
    reviews = (
        reviews_for(user)
        .exclude(status=ReviewStatus.COMPLETED)
        .annotate(in_group=Exists(in_group))
        .order_by("review_on", "pk")
    )
    for review in reviews:
        lead = access.is_head_of(review.school_id)
        leads_review = is_ceo and review.in_group
        step = _next_step(review, lead=lead, leads_review=leads_review, in_group=review.in_group)
        if step is None:
            continue
        title, due_on = step
        items.append(
            TodoItem(
                group="Peer reviews",
                title=f"{review.school}, peer review on {review.review_on:%-d %B %Y}: {title}",
                href=reverse("peer_reviews:detail", args=[review.pk]),
                status=review.get_status_display().split(":")[0],
                colour=review.status_colour,
                due_on=due_on,
                overdue=due_on is not None and due_on < today,
            )
        )
    if is_ceo:
        schedule = peer_review_schedule(
            schools=School.objects.visible_to(user).only("pk", "name", "urn"), today=today
        )
        waiting = [row for row in schedule if row.state in ("overdue", "due")]
        if waiting:
            overdue = [row for row in waiting if row.state == "overdue"]
            late = f" ({len(overdue)} overdue)" if overdue else ""
            items.append(
                TodoItem(
                    group="Peer reviews",
                    title=f"Plan peer reviews: {len(waiting)} school{'s' if len(waiting) != 1 else ''} due"
                    f"{late}",
                    href=reverse("peer_reviews:schedule"),
                    status="Overdue" if overdue else "Due",
                    colour="red" if overdue else "orange",
                    due_on=min(row.next_due_on for row in waiting),
                    overdue=bool(overdue),
                )
            )
    return items


def _next_step(review, *, lead: bool, leads_review: bool, in_group: bool):
    """(what to do, due on) for this person on this review, or None if nothing waits on them."""
    status = review.status
    if status == ReviewStatus.PLANNED and lead:
        return "send the focus and key questions", review.review_on - timedelta(days=7)
    if status == ReviewStatus.FOCUS_SENT and leads_review:
        return "agree the timetable with the school lead", review.review_on - timedelta(days=1)
    if status == ReviewStatus.TIMETABLE_AGREED and (lead or in_group):
        return "read the timetable; keep the day's notes", review.review_on
    if status == ReviewStatus.HELD and leads_review:
        return "write and issue the findings letter", review.review_on + timedelta(days=14)
    if status == ReviewStatus.LETTER_ISSUED and (lead or leads_review):
        return "record the whole-staff session", None
    return None
