"""Warning notices: issuing one, its targets, the target-setting meeting, the action plan, and closing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from categorisation.models import Dimension, Record
from records.chain import record_append
from schools.models import School
from trust_portal.queue import enqueue

from .. import permissions
from ..ladder import intervention_dimension, outcome_check, record_level
from ..models import (
    NoticeEmail,
    NoticePdf,
    NoticeTarget,
    RecordStatus,
    TargetStatus,
    WarningNotice,
)
from ..notice_document import content_hash, notice_content, notice_default_recipients
from .common import event_record, require_open, require_text
from .decisions import outcome_matches_decision, require_category
from .frep import target_move_check


def notice_issue(
    *,
    school: School,
    dimension: str,
    issued_on: date,
    grounds: str,
    matters: str,
    period_ends_on: date,
    consequence: str,
    recipients,
    targets: list[tuple[str, date]],
    advisor: str = "",
    coaching: str = "",
    by,
) -> WarningNotice:
    """Issue a warning notice with its targets. A finance notice is issued by the CFO."""
    dimension = intervention_dimension(dimension)
    permissions.require(
        permissions.may_write_notice(by, dimension),
        f"Only {'the CFO or the CEO' if dimension == Dimension.FINANCE else 'the CEO or the EHT'} "
        f"issues a {dimension.label.lower()} warning notice.",
    )
    if not permissions.may_issue_notice(by, dimension):
        raise ValidationError("A finance warning notice is issued by the CFO: ask the CFO to issue it.")
    require_category(
        school=school,
        dimension=dimension,
        level=record_level(dimension=dimension, record=Record.NOTICE),
        what="a warning notice",
    )
    grounds = require_text(grounds, "Enter the grounds for the notice.")
    matters = require_text(matters, "Enter the matters the notice rests on.")
    consequence = require_text(consequence, "Enter what happens if the targets are not met.")
    if period_ends_on <= issued_on:
        raise ValidationError("The compliance period must end after the day the notice is issued.")
    if not recipients:
        raise ValidationError("Choose who receives the notice.")
    chosen = {person.pk for person in recipients}
    left_out = [
        f"{person} ({role})"
        for person, role in notice_default_recipients(school=school, dimension=dimension)
        if person.pk not in chosen
    ]
    if left_out:
        raise ValidationError(
            f"A {dimension.label.lower()} warning notice goes to the HT/EHT, the LSB chair, the CEO and the "
            f"{'F&R' if dimension == Dimension.FINANCE else 'E&S'} chair. Add: {'; '.join(left_out)}."
        )
    if not targets:
        raise ValidationError("Set at least one required action with its deadline.")
    for text, due_on in targets:
        if due_on > period_ends_on or due_on < issued_on:
            raise ValidationError(
                f"The deadline for '{text[:60]}' must fall within the compliance period "
                f"({issued_on:%-d %B %Y} to {period_ends_on:%-d %B %Y})."
            )
    with transaction.atomic():
        School.objects.select_for_update().get(pk=school.pk)
        current = WarningNotice.objects.filter(
            school=school, dimension=dimension, status=RecordStatus.OPEN
        ).first()
        if current:
            raise ValidationError(
                f"{school} already has an open {dimension.label.lower()} warning notice "
                f"(issued {current.issued_on:%-d %B %Y}). Close it before issuing another."
            )
        notice = WarningNotice.objects.create(
            school=school,
            dimension=dimension,
            issued_on=issued_on,
            issued_by=by,
            grounds=grounds,
            matters=matters,
            period_ends_on=period_ends_on,
            consequence=consequence,
            advisor=advisor,
            coaching=coaching,
        )
        notice.recipients.set(recipients)
        NoticeTarget.objects.bulk_create(
            NoticeTarget(notice=notice, text=text.strip(), due_on=due_on) for text, due_on in targets
        )
        pdf = _pdf_make(notice=notice, by=by)
        emails = NoticeEmail.objects.bulk_create(
            NoticeEmail(notice=notice, recipient=person, email=person.email)
            for person in notice.recipients.all()
            if person.email
        )
        event_record(record=notice, school=school, action=f"{dimension.label} warning notice issued", by=by)
        transaction.on_commit(lambda: _enqueue(pdf_id=pdf.pk, email_ids=[e.pk for e in emails]))
    return notice


def _pdf_make(*, notice: WarningNotice, by, reason: str = "") -> NoticePdf:
    """A new version of the notice's PDF record, from what it says now; the worker makes the file."""
    content = notice_content(notice)
    latest = notice.pdfs.order_by("-version").first()
    return NoticePdf.objects.create(
        notice=notice,
        version=latest.version + 1 if latest else 1,
        reason=reason,
        content=content,
        content_hash=content_hash(content),
        made_by=by,
    )


def _enqueue(*, pdf_id: int, email_ids: list[int]) -> None:
    from ..tasks import render_notice_pdf, send_notice_email

    # If the queue is down the records stay waiting; the sweeper queues them once it is back.
    enqueue(lambda: render_notice_pdf.delay(pdf_id), what=f"notice PDF {pdf_id}")
    for email_id in email_ids:
        enqueue(lambda email_id=email_id: send_notice_email.delay(email_id), what=f"notice email {email_id}")


def notice_correct(*, notice: WarningNotice, reason: str, by) -> NoticePdf:
    """An issued notice never changes: a correction is a new version of its PDF, with the reason."""
    permissions.require(permissions.may_write_notice(by, notice.dimension), "You cannot correct this notice.")
    reason = require_text(reason, "Enter why the notice is being corrected.")
    with transaction.atomic():
        notice = WarningNotice.objects.select_for_update().get(pk=notice.pk)
        pdf = _pdf_make(notice=notice, by=by, reason=reason)
        event_record(
            record=notice,
            school=notice.school,
            action=f"Corrected: version {pdf.version}",
            by=by,
            detail=reason,
        )
        transaction.on_commit(lambda: _enqueue(pdf_id=pdf.pk, email_ids=[]))
    return pdf


def notice_target_add(*, notice: WarningNotice, text: str, due_on: date, by) -> NoticeTarget:
    permissions.require(
        permissions.may_write_notice(by, notice.dimension), "You cannot set targets on this notice."
    )
    text = require_text(text, "Enter the required action.")
    with transaction.atomic():
        notice = WarningNotice.objects.select_for_update().get(pk=notice.pk)
        require_open(notice, "warning notice")
        if due_on > notice.period_ends_on:
            raise ValidationError(
                "The deadline must fall within the compliance period, which ends "
                f"{notice.period_ends_on:%-d %B %Y}."
            )
        target = NoticeTarget.objects.create(notice=notice, text=text, due_on=due_on)
        event_record(record=notice, school=notice.school, action="Target set", by=by, detail=text[:200])
    return target


def notice_target_record(
    *, target: NoticeTarget, status: str, met_on=None, note: str = "", by
) -> NoticeTarget:
    permissions.require(
        permissions.may_write_notice(by, target.notice.dimension), "You cannot record targets on this notice."
    )
    with transaction.atomic():
        target = NoticeTarget.objects.select_for_update().select_related("notice").get(pk=target.pk)
        require_open(target.notice, "warning notice")
        target.status = target_move_check(current=target.status, status=status, met_on=met_on)
        target.met_on = met_on if target.status == TargetStatus.MET else None
        target.note = note
        target.save()
        event_record(
            record=target.notice,
            school=target.notice.school,
            action=f"Target {target.get_status_display().lower()}",
            by=by,
            detail=target.text[:200],
        )
    return target


def notice_meeting_record(*, notice: WarningNotice, meeting_on: date, attendees, by) -> WarningNotice:
    """The meeting that sets the targets (finance: HT/EHT, CFO, LSB chair and F&R rep)."""
    permissions.require(permissions.may_write_notice(by, notice.dimension), "You cannot record this meeting.")
    if not attendees:
        raise ValidationError("Choose who attended the meeting.")
    with transaction.atomic():
        notice = WarningNotice.objects.select_for_update().get(pk=notice.pk)
        require_open(notice, "warning notice")
        if meeting_on < notice.issued_on:
            raise ValidationError(
                f"The meeting cannot be before the notice was issued ({notice.issued_on:%-d %B %Y})."
            )
        notice.meeting_on = meeting_on
        notice.save()
        notice.meeting_attendees.set(attendees)
        event_record(record=notice, school=notice.school, action="Target-setting meeting recorded", by=by)
    return notice


def notice_action_plan_record(
    *,
    notice: WarningNotice,
    action_plan: str,
    received_on: date,
    sent_to_chair_on=None,
    advisor: str = "",
    by,
) -> WarningNotice:
    """The action plan written jointly by the LSB and the head (education: sent to the E&S Board chair)."""
    permissions.require(
        permissions.may_record_action_plan(by, notice),
        "The action plan is recorded by the school's head or LSB chair, or the trust.",
    )
    action_plan = require_text(action_plan, "Enter the action plan.")
    with transaction.atomic():
        notice = WarningNotice.objects.select_for_update().get(pk=notice.pk)
        require_open(notice, "warning notice")
        if sent_to_chair_on and sent_to_chair_on < received_on:
            raise ValidationError("The plan cannot be sent to the E&S Board chair before it was written.")
        notice.action_plan, notice.action_plan_received_on = action_plan, received_on
        notice.action_plan_sent_to_chair_on = sent_to_chair_on
        if advisor:
            notice.advisor = advisor
        notice.save()
        event_record(record=notice, school=notice.school, action="Action plan recorded", by=by)
    return notice


def notice_close(
    *, notice: WarningNotice, outcome: str, closed_on: date, note: str = "", by
) -> WarningNotice:
    """At the end of the period the panel votes; the notice closes with the outcome of that vote."""
    permissions.require(permissions.may_write_notice(by, notice.dimension), "You cannot close this notice.")
    level = outcome_check(
        dimension=notice.dimension,
        record=Record.NOTICE,
        outcome=outcome,
        what=f"{notice.get_dimension_display().lower()} warning notice",
    )
    with transaction.atomic():
        notice = WarningNotice.objects.select_for_update().get(pk=notice.pk)
        require_open(notice, "warning notice")
        outcome_matches_decision(
            school=notice.school, dimension=notice.dimension, outcome=outcome, since=notice.issued_on
        )
        notice.status, notice.outcome, notice.closed_on, notice.closed_by = (
            RecordStatus.CLOSED,
            outcome,
            closed_on,
            by,
        )
        notice.closing_note = note
        notice.save()
        event_record(
            record=notice, school=notice.school, action=f"Warning notice closed: {level.name}", by=by
        )
        record_append(actor=by, event="intervention.closed", subject=notice, changes={"outcome": outcome})
    return notice
