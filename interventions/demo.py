"""Intervention records for the demo trust, following the categorisation demo's story.

Each school's category history (one current decision per half-term) is read as runs of half-terms at one
level. A run at education Concerning gets a REP (three milestones, Appendix 4's actions), at Poor a
warning notice, at Unacceptable an Improvement Board, at Deficient the re-brokerage log; finance runs get a
Finance REP, a CFO's warning notice, a board. A run that ended closes its record with the level the school
went to. The rows are written directly because this replays history: the services check a closing outcome
against the school's decision today, which for an old REP is a later one. Idempotent: a run whose record
exists is left alone.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from categorisation.models import Categorisation, Dimension, Vote, VoteStatus
from schools.models import Appointment, School
from schools.roles import HEAD_ROLES, Role

from .ladder import INTERVENTION_DIMENSIONS
from .models import (
    ActionStatus,
    BoardMember,
    Counterpart,
    Frep,
    FrepDirective,
    HrSupportPlan,
    ImprovementBoard,
    Milestone,
    MonthlyReport,
    NoticePdf,
    NoticeTarget,
    RebrokerageConversation,
    RecordStatus,
    Rep,
    RepAction,
    RepExtension,
    RepFundingRequest,
    RepMilestone,
    RepReview,
    TargetStatus,
    WarningNotice,
    milestone_due_on,
)
from .notice_document import content_hash, notice_content, notice_default_recipients, notice_pdf_render

# Appendix 4's example REP.
REP_ACTIONS = {
    Milestone.WEEK_1: [
        "Roll out clear behaviour steps to all staff to reduce inconsistency between classes.",
        "Designate the staff room as a staff downtime space to allow for staff wellbeing.",
        "Arrange fortnightly meetings for TAs with SLT on attendance and job roles, followed by CPD.",
        'Implement a "Moving Up" reading framework in each reading folder.',
    ],
    Milestone.WEEK_3: [
        "Conduct pupil progress meetings for years 3-5 with the HT (the CEO will share the template).",
        "Lay the groundwork for a more formal, systematised timetable for the whole school.",
        "Share the staff absence policy with all staff; HR manager to attend a course on managing absence.",
    ],
    Milestone.WEEK_6: [
        "Roll out the new timetable.",
        "Ensure efficient use of TAs through regular training, observations and team teaching.",
        "Evaluate whether PPA can be reallocated to meet teacher needs better.",
    ],
}
FREP_DIRECTIVES = [
    ("Send the CFO a recovery budget that balances in year.", 2),
    ("Freeze non-essential spending in the cost centres over budget.", 3),
    ("Review staffing structure costs with the trust's HR and finance teams.", 5),
]
NOTICE_TARGETS = {
    Dimension.EDUCATION: [
        ("Complete every outstanding REP action from the week 6 milestone.", 2),
        ("Securely meet every safeguarding element of the Ofsted toolkit.", 4),
        ("Pupil progress meetings held for every year group, with actions recorded.", 6),
    ],
    Dimension.FINANCE: [
        ("Submit a recovery budget showing reserves back to 3% of GAG.", 2),
        ("Reduce agency and supply spending to the agreed ceiling.", 5),
        ("Present the monthly management accounts to the LSB and the CFO.", 7),
    ],
}
NOTICE_PERIOD = timedelta(weeks=8)
RENEWED_PERIOD = timedelta(weeks=14)  # after a vote that was not carried, to the end of the next half-term


@dataclass
class Run:
    """Consecutive half-terms at one level, and the level the school went to next (None if still there)."""

    code: str
    starts_on: date
    next_code: str | None = None
    ended_on: date | None = None
    half_terms: int = 1


def runs_for(school, dimension):
    records = (
        Categorisation.objects.current()
        .filter(school=school, dimension=dimension)
        .select_related("level", "half_term")
        .order_by("half_term__starts_on")
    )
    runs: list[Run] = []
    for record in records:
        starts = record.half_term.starts_on + timedelta(days=7)
        if runs and runs[-1].code == record.level.code:
            runs[-1].half_terms += 1
            continue
        if runs:
            runs[-1].next_code, runs[-1].ended_on = record.level.code, starts
        runs.append(Run(code=record.level.code, starts_on=starts))
    return runs


class People:
    def __init__(self):
        self.by_role = {}
        for appointment in Appointment.objects.current().filter(school__isnull=True).select_related("person"):
            self.by_role.setdefault(appointment.role, appointment.person)
        self.ceo, self.cfo = self.by_role.get(Role.CEO), self.by_role.get(Role.CFO)
        self.eht = self.by_role.get(Role.EHT, self.ceo)
        self.fr_chair, self.es_chair = self.by_role.get(Role.FR_CHAIR), self.by_role.get(Role.ES_CHAIR)

    def at(self, school):
        found = {}
        for a in Appointment.objects.current().filter(school=school).select_related("person"):
            key = "head" if a.role in HEAD_ROLES else a.role
            found.setdefault(key, a.person)
        return found.get("head"), found.get(Role.LSB_CHAIR), found.get(Role.MENTOR)


def _capped(day, today):
    return min(day, today)


def rep_make(school, run, dimension, people, today):
    written_on = _capped(run.starts_on, today - timedelta(days=1))
    if Rep.objects.filter(school=school, written_on=written_on).exists():
        return
    head, chair, mentor = people.at(school)
    closed = run.next_code is not None
    rep = Rep.objects.create(
        school=school,
        written_on=written_on,
        author=people.eht,
        mentor=mentor,
        mentor_time="0.5 days a week" if mentor else "",
        funding_amount=Decimal("5000"),
        funding_approved_by=people.ceo,
        funding_approved_on=written_on + timedelta(days=2),
        sdp_expected_on=written_on + timedelta(weeks=3),
        sdp_received_on=written_on + timedelta(weeks=3) if closed else None,
        ends_on=milestone_due_on(written_on, Milestone.WEEK_6),
    )
    for milestone, texts in REP_ACTIONS.items():
        row = RepMilestone.objects.create(
            rep=rep, milestone=milestone, due_on=milestone_due_on(written_on, milestone)
        )
        passed = row.due_on < today
        for number, text in enumerate(texts):
            owner = chair if (number == len(texts) - 1 and chair) else head
            # A live REP shows its progress; one that ended for Poor left its last actions undone.
            undone = (not closed and number == 0) or (
                run.next_code == "poor" and milestone == Milestone.WEEK_6
            )
            status = ActionStatus.DONE if passed and not undone else ActionStatus.IN_PROGRESS
            RepAction.objects.create(
                milestone=row,
                text=text,
                owner=owner,
                status=status,
                done_on=row.due_on - timedelta(days=1) if status == ActionStatus.DONE else None,
                progress_note="Done and checked at the review."
                if status == ActionStatus.DONE
                else "Under way.",
            )
        if passed:
            review = RepReview.objects.create(
                milestone=row,
                reviewed_on=row.due_on + timedelta(days=1),
                notes="Reviewed the milestone's actions with the head."
                + (" One action is behind." if not closed else ""),
                on_track=closed and run.next_code != "poor" or milestone != Milestone.WEEK_6,
                recorded_by=people.eht,
            )
            review.reviewers.set([p for p in (people.eht, head, mentor) if p])
    if run.half_terms > 1:
        new_end = rep.ends_on + timedelta(weeks=6)
        RepExtension.objects.create(
            rep=rep,
            previous_ends_on=rep.ends_on,
            new_ends_on=new_end,
            reason="The new timetable needs another half-term to bed in.",
            granted_on=rep.ends_on,
            granted_by=people.ceo,
        )
        rep.ends_on = new_end
    if not closed and head:
        # A live REP's head has asked for more from the reserves: the CEO's decision is waiting.
        RepFundingRequest.objects.create(
            rep=rep,
            amount=Decimal("3000"),
            reason="A maths tutor two mornings a week for Year 5 until the week 6 review.",
            requested_by=head,
        )
    if closed:
        rep.status, rep.outcome, rep.closed_on, rep.closed_by = (
            RecordStatus.CLOSED,
            run.next_code,
            run.ended_on,
            people.ceo,
        )
        rep.closing_note = "As decided by the CEO in the half-termly letter."
    rep.save()


def frep_make(school, run, dimension, people, today):
    written_on = _capped(run.starts_on, today - timedelta(days=1))
    if Frep.objects.filter(school=school, written_on=written_on).exists():
        return
    closed = run.next_code is not None
    frep = Frep.objects.create(
        school=school,
        written_on=written_on,
        author=people.cfo,
        summary="Cost centres overspend; an in-year deficit looks possible with no plan to rectify it.",
    )
    for text, weeks in FREP_DIRECTIVES:
        due_on = written_on + timedelta(weeks=weeks)
        if closed:
            met = run.next_code == "universal"
            status, met_on = (
                (TargetStatus.MET, due_on - timedelta(days=2)) if met else (TargetStatus.MISSED, None)
            )
        else:
            status, met_on = (
                (TargetStatus.MET, due_on - timedelta(days=1))
                if due_on < today
                else (TargetStatus.OPEN, None)
            )
        FrepDirective.objects.create(frep=frep, text=text, due_on=due_on, status=status, met_on=met_on)
    if closed:
        frep.status, frep.outcome, frep.closed_on, frep.closed_by = (
            RecordStatus.CLOSED,
            run.next_code,
            run.ended_on,
            people.cfo,
        )
        frep.save()


def _vote_not_carried(school, run, dimension):
    """A panel vote during a live run that kept the school at Poor: its notice was renewed after it."""
    if run.next_code is not None:
        return None
    return (
        Vote.objects.filter(
            school=school,
            dimension=dimension,
            status=VoteStatus.NOT_CARRIED,
            half_term__starts_on__gte=run.starts_on - timedelta(days=7),
        )
        .select_related("half_term")
        .order_by("-half_term__starts_on")
        .first()
    )


def notice_make(school, run, dimension, people, today):
    issued_on = _capped(run.starts_on, today - timedelta(days=1))
    period = NOTICE_PERIOD
    vote = _vote_not_carried(school, run, dimension)
    if vote is not None:
        issued_on, period = _capped(vote.half_term.starts_on + timedelta(days=14), today), RENEWED_PERIOD
    if WarningNotice.objects.filter(school=school, dimension=dimension, issued_on=issued_on).exists():
        return
    head, chair, mentor = people.at(school)
    closed = run.next_code is not None
    finance = dimension == Dimension.FINANCE
    notice = WarningNotice.objects.create(
        school=school,
        dimension=dimension,
        issued_on=issued_on,
        issued_by=people.cfo if finance else people.ceo,
        grounds=(
            "The CEO's letter directives were not met within the time set, and reserves are below 3% of GAG."
            if finance
            else "The school has not met its REP targets."
        )
        + (
            f" The panel's vote in {vote.half_term.label} did not carry the move to Unacceptable; this "
            "renewed notice sets new targets."
            if vote
            else ""
        ),
        matters=(
            "Reserves below 3% of GAG with no clear plan to restore them.\nAn in-year deficit is probable."
            if finance
            else "Week 6 REP actions were not done by their dates.\nThe REP was extended and still not met."
        ),
        period_ends_on=issued_on + period,
        consequence="If the targets are not met by the end of the period, the panel may vote to move the "
        "school to Unacceptable: the CEO assumes day-to-day leadership and Trustees assume governance.",
        advisor="" if finance else f"{people.eht}, Executive Headteacher",
        coaching="" if finance else "Fortnightly coaching for the senior team from an external supervisor.",
        meeting_on=issued_on + timedelta(days=5),
        action_plan=""
        if finance
        else "1. Week 6 actions finished, owners named.\n2. Safeguarding audit actions closed.",
        action_plan_received_on=None if finance else issued_on + timedelta(days=10),
        action_plan_sent_to_chair_on=None if finance else issued_on + timedelta(days=11),
    )
    notice.recipients.set([p for p, _ in notice_default_recipients(school=school, dimension=dimension)])
    attendees = (
        [head, people.cfo, chair, people.fr_chair] if finance else [head, chair, people.ceo, people.eht]
    )
    notice.meeting_attendees.set([p for p in attendees if p])
    for text, weeks in NOTICE_TARGETS[dimension]:
        due_on = issued_on + timedelta(weeks=weeks)
        # The later targets are the ones a school that went on to Unacceptable missed.
        missed = weeks > 4 and (run.next_code == "unacceptable" if closed else due_on < today)
        if missed:
            status, met_on = TargetStatus.MISSED, None
        elif due_on < today:
            status, met_on = TargetStatus.MET, due_on - timedelta(days=1)
        else:
            status, met_on = TargetStatus.OPEN, None
        NoticeTarget.objects.create(notice=notice, text=text, due_on=due_on, status=status, met_on=met_on)
    # The notice as issued: its frozen PDF record, made here as load_demo makes the letters' PDFs.
    content = notice_content(notice)
    pdf = NoticePdf.objects.create(
        notice=notice, content=content, content_hash=content_hash(content), made_by=notice.issued_by
    )
    notice_pdf_render(pdf_id=pdf.pk)
    if closed:
        notice.status, notice.outcome, notice.closed_by = RecordStatus.CLOSED, run.next_code, people.ceo
        notice.closed_on = run.ended_on
        notice.closing_note = "Closed with the outcome of the panel's vote at the end of the period."
        notice.save()


def board_make(school, run, dimension, people, today):
    formed_on = _capped(run.starts_on, today - timedelta(days=1))
    if ImprovementBoard.objects.filter(school=school, formed_on=formed_on).exists():
        return
    closed = run.next_code is not None
    board = ImprovementBoard.objects.create(
        school=school,
        dimension=dimension,
        formed_on=formed_on,
        interim_leader="Janet Ashworth, Interim Executive Principal",
        action_plan="1. Stabilise leadership and behaviour.\n"
        "2. Safeguarding secure against the Ofsted toolkit.\n"
        "3. Curriculum and timetable rebuilt with the mentor.",
        plan_approved_on=formed_on + timedelta(days=14),
        plan_approved_by=people.es_chair or people.ceo,
        created_by=people.ceo,
        status=RecordStatus.CLOSED if closed else RecordStatus.OPEN,
        closed_on=run.ended_on,
        closing_note="Stood down after the Trust Board's vote." if closed else "",
    )
    for name, expertise in [
        ("Margaret Doyle", "school development"),
        ("Dr Sanjay Rao", "education"),
        ("Helen Cartwright", "finance trustee" if dimension == Dimension.FINANCE else "safeguarding"),
    ]:
        BoardMember.objects.create(board=board, name=name, expertise=expertise)
    # Reports for each month that has ended, leaving the latest one missing on a live board.
    end = run.ended_on or today
    month = formed_on.replace(day=1)
    months = []
    while (month.year, month.month) < (end.year, end.month):
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    for month in months[:-1] if not closed else months:
        MonthlyReport.objects.create(
            board=board,
            month=month,
            received_on=(month + timedelta(days=32)).replace(day=1) - timedelta(days=2),
            summary="Progress against the board's action plan; attendance and safeguarding actions reviewed.",
            recorded_by=people.ceo,
        )
    HrSupportPlan.objects.create(
        board=board,
        text="Coaching and a support plan for the head, reviewed by the CEO each half-term.",
        updated_by=people.ceo,
    )


def rebrokerage_make(school, run, dimension, people, today):
    held_on = _capped(run.starts_on, today - timedelta(days=1))
    if RebrokerageConversation.objects.filter(school=school, held_on=held_on).exists():
        return
    RebrokerageConversation.objects.create(
        school=school,
        held_on=held_on,
        counterpart=Counterpart.BOTH,
        people="CEO; Essex LA director of education; DfE regional director's office",
        summary="The trust set out the Improvement Board's findings and asked about re-brokerage.",
        next_steps="The DfE to name possible sponsor trusts within four weeks.",
        recorded_by=people.ceo,
    )


MAKERS = {
    (Dimension.EDUCATION, "concerning"): rep_make,
    (Dimension.FINANCE, "concerning"): frep_make,
    (Dimension.EDUCATION, "poor"): notice_make,
    (Dimension.FINANCE, "poor"): notice_make,
    (Dimension.EDUCATION, "unacceptable"): board_make,
    (Dimension.FINANCE, "unacceptable"): board_make,
    (Dimension.EDUCATION, "deficient"): rebrokerage_make,
    (Dimension.FINANCE, "deficient"): rebrokerage_make,
}


@transaction.atomic
def load(*, stdout=None):
    people = People()
    if people.ceo is None:
        return
    today = timezone.localdate()
    made = 0
    for school in School.objects.all():
        for dimension in INTERVENTION_DIMENSIONS:
            for run in runs_for(school, dimension):
                maker = MAKERS.get((dimension, run.code))
                if maker:
                    maker(school, run, dimension, people, today)
                    made += 1
    if stdout:
        stdout.write(f"Interventions: records for {made} runs of Concerning or below.")
