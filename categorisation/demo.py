"""The demo trust's categorisation history: every school, every past half-term up to the current one.

Most schools stay Universal. Castle Hill Primary went through a REP (Concerning) and came back; Ivy Lane
Primary is Concerning now; Greenway Academy went from Concerning to Poor, and a panel vote on moving it to
Unacceptable was not carried, so it stays Poor; Elmstead Primary is Concerning in finance with reserves below
3% of GAG. The current half-term (Aut 2, 2026) is left undecided for the CEO to do on the half-term screen.
Idempotent: a half-term already decided for a school is left as it is.
"""

from datetime import datetime, time
from decimal import Decimal

from django.utils import timezone

from schools.models import Appointment, HalfTerm, School
from schools.roles import Role

from .models import (
    Categorisation,
    Characteristic,
    Choice,
    Dimension,
    FinanceFigures,
    Level,
    MessageStatus,
    Vote,
    VoteMessage,
)
from .services import (
    DecisionRequest,
    categorisations_decide_many,
    categorisations_lock,
    finance_figures_save,
)
from .services.votes import vote_cast, vote_close, vote_open

CASTLE_HILL, GREENWAY, IVY_LANE, ELMSTEAD, LARKRISE = "990103", "990107", "990109", "990105", "990112"

# (urn, dimension) -> [(first half-term index, level code, rationale, characteristic codes)], index 0 being
# Aut 1, 2024. A school is Universal until its first entry.
STORIES = {
    (CASTLE_HILL, Dimension.EDUCATION): [
        (
            4,
            "concerning",
            "The SIP's spring review and the LA's phonics report are concerning; a REP is written "
            "by the EHT with a mentor for half a day a week.",
            ["edu.concerning_reports", "edu.not_universal"],
        ),
        (
            8,
            "universal",
            "REP targets met by week 6 and confirmed at the final review; peer review as expected.",
            ["edu.safeguarding_secure", "edu.peer_review_expected", "edu.good_progress"],
        ),
    ],
    (GREENWAY, Dimension.EDUCATION): [
        (
            7,
            "concerning",
            "Concerning ELT and LSB reports on Key Stage 4 progress and behaviour: a REP is written.",
            ["edu.concerning_reports"],
        ),
        (
            9,
            "poor",
            "REP targets for attendance and behaviour were not met; the REP was extended once. A "
            "warning notice is issued.",
            ["edu.rep_targets_missed", "edu.multiple_reps_or_extensions"],
        ),
    ],
    (IVY_LANE, Dimension.EDUCATION): [
        (
            11,
            "concerning",
            "Safeguarding audit actions are overdue and the EHT's visit raised concerns about "
            "early reading: a REP is written.",
            ["edu.not_universal", "edu.concerning_reports"],
        ),
    ],
    (ELMSTEAD, Dimension.FINANCE): [
        (
            10,
            "concerning",
            "Staffing cost centres are overspent and an in-year deficit looks possible with no "
            "clear plan: a Finance REP sets directives.",
            ["fin.cost_centre_concern", "fin.in_year_deficit_possible"],
        ),
    ],
    (GREENWAY, Dimension.SITE): [
        (12, "concerning", "Fire safety and tree survey actions are overdue.", ["site.not_universal"]),
    ],
}
VOTE_AT = 12  # Aut 1, 2026: the panel votes on moving Greenway from Poor to Unacceptable
VOTES = {  # role -> (choice, comment, declared interest)
    Role.CEO: (Choice.FOR, "Two warning-notice targets were missed.", ""),
    Role.ES_CHAIR: (Choice.FOR, "The action plan came late to the E&S Board.", ""),
    Role.EHT: (Choice.AGAINST, "Attendance is turning: give the new plan one more half-term.", ""),
    Role.HEADTEACHER: (
        Choice.AGAINST,
        "The new behaviour policy is working.",
        "I am the school's headteacher.",
    ),
    Role.LSB_CHAIR: (Choice.AGAINST, "The LSB has met weekly with the head since September.", ""),
    Role.MENTOR: (Choice.ABSTAIN, "", "I have mentored the head since the REP."),
}

# Finance figures for the most recent half-terms: reserves as a share of GAG, and the in-year outturn.
FINANCE_FROM = 9  # Spr 2, 2026
RESERVES_PERCENT = {ELMSTEAD: Decimal("2.4"), LARKRISE: Decimal("2.8"), IVY_LANE: Decimal("4.1")}
IN_YEAR = {ELMSTEAD: Decimal("-18000"), LARKRISE: Decimal("-4000")}


def load(*, stdout=None):
    ceo = Appointment.objects.current().get(role=Role.CEO, school__isnull=True).person
    cfo = Appointment.objects.current().get(role=Role.CFO, school__isnull=True).person
    current = HalfTerm.objects.current()
    past = list(HalfTerm.objects.filter(starts_on__lt=current.starts_on).order_by("starts_on"))
    levels = {(lv.dimension, lv.code): lv for lv in Level.objects.active()}
    characteristics = {c.code: c for c in Characteristic.objects.filter(level__ladder__is_active=True)}
    schools = list(School.objects.order_by("urn"))
    made = 0
    for index, half_term in enumerate(past):
        decided = set(
            Categorisation.objects.filter(half_term=half_term).values_list("school_id", "dimension")
        )
        requests, vote_records = [], []
        for school in schools:
            for dimension in Dimension:
                if (school.pk, dimension) in decided:
                    continue
                code, rationale, ticks = _story(school.urn, dimension, index)
                if (school.urn, dimension, index) == (GREENWAY, Dimension.EDUCATION, VOTE_AT):
                    vote_records.append(_greenway_vote(school, half_term, levels, ceo))
                    continue
                requests.append(
                    DecisionRequest(
                        school=school,
                        level=levels[(dimension, code)],
                        rationale=rationale,
                        characteristic_ids={characteristics[c].pk for c in ticks},
                    )
                )
        # The whole trust's half-term in one bulk decision, as the half-term screen saves it.
        records = categorisations_decide_many(half_term=half_term, requests=requests, by=ceo)
        refused = [request.error for request in requests if request.error]
        if refused:
            raise ValueError(f"The demo's {half_term.label} decisions were refused: {refused[0]}")
        _backdate([*records, *vote_records], half_term)
        made += len(records) + len(vote_records)
        for school in schools:
            categorisations_lock(school=school, half_term=half_term, by=ceo)
    for half_term in [*past[FINANCE_FROM:], current]:
        for school in schools:
            _finance_figures(
                school, half_term, past.index(half_term) if half_term in past else len(past), cfo
            )
    if stdout:
        stdout.write(
            f"Categorisation: {made} decisions over {len(past)} half-terms; {current.label} left to decide."
        )


def _story(urn, dimension, index):
    code, rationale, ticks = "universal", "", []
    for start, level_code, why, codes in STORIES.get((urn, dimension), []):
        if index >= start:
            code, rationale, ticks = (
                level_code,
                (why if index == start else ""),
                (codes if index == start else []),
            )
    return code, rationale, ticks


def _greenway_vote(school, half_term, levels, ceo):
    vote = Vote.objects.filter(school=school, half_term=half_term, dimension=Dimension.EDUCATION).first()
    if vote is None:
        vote = vote_open(
            school=school,
            half_term=half_term,
            proposed_level=levels[(Dimension.EDUCATION, "unacceptable")],
            motion="At the end of the warning-notice period, two of its five targets (Year 10 attendance and "
            "suspensions) were not met. The CEO proposes Unacceptable: an Improvement Board and an interim "
            "executive principal.",
            by=ceo,
        )
    for member in vote.members.filter(choice="").select_related("person"):
        choice, comment, interest = VOTES.get(member.capacity, (Choice.ABSTAIN, "", ""))
        vote_cast(vote=vote, by=member.person, choice=choice, comment=comment, declared_interest=interest)
    _, record = vote_close(vote=vote, by=ceo)
    return record


def _backdate(records, half_term):
    """Demo history: decisions dated at the end of their half-term, as if made then."""
    when = timezone.make_aware(datetime.combine(half_term.ends_on, time(16, 0)))
    Categorisation.objects.filter(pk__in=[record.pk for record in records]).update(decided_at=when)
    vote_ids = [record.vote_id for record in records if record.vote_id]
    if vote_ids:
        Vote.objects.filter(pk__in=vote_ids).update(
            opened_at=when, closed_at=when, closes_on=half_term.ends_on
        )
        # A vote of the demo's past: its panel was told then, not by today's worker.
        VoteMessage.objects.filter(vote_id__in=vote_ids).update(status=MessageStatus.SENT, sent_at=when)


# A target the trust set as a round sum, as the seed's letter shows one ("Target +£50k").
ROUND_TARGETS = {"990101": Decimal("50000")}


def _finance_figures(school, half_term, index, cfo):
    if FinanceFigures.objects.filter(school=school, half_term=half_term).exists():
        return
    gag = Decimal(school.pupils_on_roll or 200) * Decimal("5400")
    share = RESERVES_PERCENT.get(school.urn, Decimal(6 + int(school.urn) % 4))
    # Schools in difficulty slide a little each half-term; the rest hold steady.
    if school.urn in RESERVES_PERCENT:
        share -= Decimal("0.1") * (index - FINANCE_FROM)
    in_year = IN_YEAR.get(school.urn, Decimal(int(school.urn) % 7 * 6000 + 8000))
    carry_forward = (gag * share / 100).quantize(Decimal("1000")) + in_year
    finance_figures_save(
        school=school,
        half_term=half_term,
        by=cfo,
        budget_balanced_3_years=school.urn not in IN_YEAR,
        predicted_in_year_outturn=in_year,
        predicted_carry_forward=carry_forward,
        carry_forward_target=ROUND_TARGETS.get(school.urn, (gag * Decimal("0.05")).quantize(Decimal("1000"))),
        gag=gag,
        reserves=(gag * share / 100).quantize(Decimal("100")),
    )
