"""Reads about audits and audit actions, for this app's pages and for other apps (the CEO letter)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone

from audits.models import (
    AWAITING_CHECK,
    AWAITING_SCHOOL,
    OUTSTANDING,
    ActionEvent,
    Audit,
    AuditAction,
    AuditType,
    EventKind,
)


def _outstanding_on(on: date | None):
    """Actions outstanding on a day: recorded by then and not closed by then (today: not closed)."""
    if on is None:
        return AuditAction.objects.outstanding()
    return AuditAction.objects.filter(created_at__date__lte=on).filter(
        Q(status__in=OUTSTANDING) | Q(closed_on__gt=on)
    )


def outstanding_actions_count(*, school, on: date | None = None) -> int:
    """How many of the school's audit actions are open or reported but not yet closed."""
    return _outstanding_on(on).filter(audit__school=school).count()


def outstanding_actions_counts(*, school_ids, on: date | None = None) -> dict[int, int]:
    """`outstanding_actions_count` for many schools in one query; schools with none are 0."""
    counts = dict.fromkeys(school_ids, 0)
    rows = (
        _outstanding_on(on)
        .filter(audit__school_id__in=list(school_ids))
        .values_list("audit__school_id")
        .annotate(n=Count("pk"))
    )
    counts.update(dict(rows))
    return counts


def overdue_actions_by_school(*, school_ids, on: date) -> dict[int, tuple[int, date]]:
    """school id -> (how many actions are overdue, the oldest due date), one query."""
    rows = (
        AuditAction.objects.overdue(on)
        .filter(audit__school_id__in=list(school_ids))
        .values("audit__school_id")
        .annotate(n=Count("pk"), oldest=Min("due_on"))
    )
    return {row["audit__school_id"]: (row["n"], row["oldest"]) for row in rows}


@dataclass(frozen=True)
class LastAudit:
    """The latest audit of a type at a school: enough to link to it and count from it."""

    pk: int
    carried_out_on: date


@dataclass(frozen=True)
class ScheduleRow:
    audit_type: AuditType
    last: LastAudit | None
    next_due: date

    def state(self, today: date) -> str:
        """'overdue', 'due' (within 30 days) or 'ok'."""
        if self.next_due < today:
            return "overdue"
        if (self.next_due - today).days <= DUE_SOON_DAYS:
            return "due"
        return "ok"


DUE_SOON_DAYS = 30


def schedule_for(*, schools, today: date | None = None) -> dict[int, list[ScheduleRow]]:
    """For each school, each active audit type's last audit and when the next is due. Two queries.

    A type never carried out at a school is due from the day it joined the trust (or the type's first
    due date, if later), so it becomes overdue like any other.
    """
    today = today or timezone.localdate()
    types = list(AuditType.objects.filter(is_active=True))
    school_ids = [s.pk for s in schools]
    by_id = {s.pk: s for s in schools}
    latest = {}
    audits = (
        Audit.objects.filter(school_id__in=school_ids)
        .order_by("carried_out_on", "pk")
        .values_list("pk", "school_id", "audit_type_id", "carried_out_on")
    )
    for pk, school_id, type_id, carried_out_on in audits:
        latest[(school_id, type_id)] = LastAudit(pk, carried_out_on)
    schedule = {}
    for school_id in school_ids:
        rows = []
        for audit_type in types:
            last = latest.get((school_id, audit_type.pk))
            if last:
                next_due = audit_type.next_due_after(last.carried_out_on)
            else:
                next_due = audit_type.first_due_for(by_id[school_id], today)
            rows.append(ScheduleRow(audit_type=audit_type, last=last, next_due=next_due))
        schedule[school_id] = rows
    return schedule


def action_counts_grid(*, schools, today: date) -> tuple[list[AuditType], dict]:
    """Open (not closed) and overdue action counts by school and audit type. Two queries.

    Returns the types and {(school_id, type_id): (open, overdue)}.
    """
    types = list(AuditType.objects.all())
    rows = (
        AuditAction.objects.outstanding()
        .filter(audit__school__in=schools)
        .values("audit__school_id", "audit__audit_type_id")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(status__in=AWAITING_SCHOOL, due_on__lt=today)),
        )
    )
    grid = {(r["audit__school_id"], r["audit__audit_type_id"]): (r["open"], r["overdue"]) for r in rows}
    return types, grid


def awaiting_check():
    return AuditAction.objects.filter(status__in=AWAITING_CHECK)


def filtered_actions(queryset, form, *, today: date):
    """The compliance manager's filters applied to a list of actions (an invalid form filters nothing)."""
    if not form.is_bound or not form.is_valid():
        return queryset
    data = form.cleaned_data
    if data.get("school"):
        queryset = queryset.filter(audit__school=data["school"])
    if data.get("audit_type"):
        queryset = queryset.filter(audit__audit_type=data["audit_type"])
    if data.get("status"):
        queryset = queryset.filter(status=data["status"])
    if data.get("priority"):
        queryset = queryset.filter(priority=data["priority"])
    if data.get("overdue"):
        queryset = queryset.filter(status__in=AWAITING_SCHOOL, due_on__lt=today)
    if data.get("awaiting_check"):
        queryset = queryset.filter(status__in=AWAITING_CHECK)
    return queryset


def todo_items(user, access, *, today: date) -> list:
    """This app's work for the to-do page. A head: their school's actions open or reopened. The
    compliance manager: actions reported and awaiting a check (with the school's reports, to check them in
    place), and audits due or overdue (one item per audit type). At most five queries, whatever the number
    of schools or actions."""
    from django.urls import reverse

    from audits.permissions import may_close, may_reopen, reporting_school_ids
    from schools.models import School
    from todo.items import TodoItem

    items = []
    head_of = list(reporting_school_ids(user))
    if head_of:
        for action in (
            AuditAction.objects.filter(audit__school_id__in=head_of, status__in=AWAITING_SCHOOL)
            .select_related("audit__school", "audit__audit_type")
            .order_by("due_on", "pk")
        ):
            items.append(
                TodoItem(
                    group="Audit actions",
                    title=f"{action.audit.school}, {action.audit.audit_type}: {action.description[:100]}",
                    href=reverse("audits:action_detail", args=[action.pk]),
                    status=action.get_status_display(),
                    colour=action.status_colour,
                    due_on=action.due_on,
                    overdue=action.is_overdue(today),
                    forms="audits/_action_report_forms.html",
                    subject=action,
                )
            )
    if may_close(user) or may_reopen(user):
        reports = ActionEvent.objects.filter(
            kind__in=[EventKind.REPORTED_DONE, EventKind.REPORTED_NOT_ACTIONED]
        ).order_by("at", "pk")
        for action in (
            AuditAction.objects.visible_to(user)
            .filter(status__in=AWAITING_CHECK)
            .select_related("audit__school", "audit__audit_type")
            .prefetch_related(Prefetch("events", queryset=reports, to_attr="reports"))
            .order_by("reported_at", "pk")
        ):
            items.append(
                TodoItem(
                    group="Audit actions to check",
                    title=f"Check {action.audit.school}'s report: {action.description[:100]}",
                    href=reverse("audits:action_detail", args=[action.pk]),
                    status=action.get_status_display(),
                    colour=action.status_colour,
                    due_on=action.due_on,
                    forms="audits/_action_check_forms.html",
                    subject=action,
                )
            )
        schools = list(School.objects.visible_to(user).only("pk", "joined_on"))
        due: dict[int, dict] = {}
        for rows in schedule_for(schools=schools, today=today).values():
            for row in rows:
                state = row.state(today)
                if state != "ok":
                    entry = due.setdefault(
                        row.audit_type.pk, {"type": row.audit_type, "overdue": 0, "due": 0}
                    )
                    entry[state] += 1
                    entry["first"] = min(entry.get("first", row.next_due), row.next_due)
        for entry in due.values():
            n = entry["overdue"] + entry["due"]
            late = f" ({entry['overdue']} overdue)" if entry["overdue"] else ""
            items.append(
                TodoItem(
                    group="Audit schedule",
                    title=f"{entry['type'].name}: due at {n} school{'s' if n != 1 else ''}{late}",
                    href=reverse("audits:schedule"),
                    status="Overdue" if entry["overdue"] else "Due soon",
                    colour="red" if entry["overdue"] else "yellow",
                    due_on=entry["first"],
                    overdue=bool(entry["overdue"]),
                )
            )
    return items
