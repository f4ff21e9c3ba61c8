"""Intervention records for school A, made through the services, for the access matrix and view tests."""

from datetime import date

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from categorisation.models import Categorisation, Dimension
from interventions import services
from interventions.models import Milestone
from interventions.notice_document import notice_default_recipients
from interventions.services.decisions import latest_decision
from tests.categorisation.factories import CategorisationFactory, half_term, level
from trust_portal.pdf_records import RenderStatus

PLACEHOLDER_PDF = "tests/placeholder-notice.pdf"


def default_recipients(school, dimension):
    return [person for person, _ in notice_default_recipients(school=school, dimension=dimension)]


def stand_at(world, school, dimension, code):
    """Place the school at `code` (a notice needs Poor, a board Unacceptable) in a later half-term."""
    decision = latest_decision(school=school, dimension=dimension)
    if decision and decision.level.code == code:
        return decision
    number = Categorisation.objects.filter(school=school, dimension=dimension).count() + 2
    return CategorisationFactory(
        school=school, level=level(dimension, code), half_term=half_term(2025, number), decided_by=world.ceo
    )


def rep(world):
    if not hasattr(world, "rep"):
        world.rep = services.rep_open(
            school=world.school_a, written_on=date(2025, 11, 10), author=world.ceo, by=world.ceo
        )
        milestone = world.rep.milestones.get(milestone=Milestone.WEEK_1)
        world.rep_action = services.rep_action_add(
            milestone=milestone, text="Roll out clear behaviour steps", owner=world.head_a, by=world.ceo
        )
    return world.rep


def funding_request(world):
    if not hasattr(world, "funding_request"):
        world.funding_request = services.rep_funding_request(
            rep=rep(world), amount=5000, reason="A reading specialist for a term", by=world.head_a
        )
    return world.funding_request


def milestone(world):
    return rep(world).milestones.get(milestone=Milestone.WEEK_1)


def rep_action(world):
    rep(world)
    return world.rep_action


def frep(world):
    if not hasattr(world, "frep"):
        world.frep = services.frep_open(school=world.school_a, written_on=date(2025, 11, 10), by=world.cfo)
        world.frep_directive = services.frep_directive_add(
            frep=world.frep, text="Send a recovery budget", due_on=date(2025, 12, 1), by=world.cfo
        )
    return world.frep


def frep_directive(world):
    frep(world)
    return world.frep_directive


def notice(world):
    if not hasattr(world, "notice"):
        stand_at(world, world.school_a, Dimension.EDUCATION, "poor")
        world.notice = services.notice_issue(
            school=world.school_a,
            dimension=Dimension.EDUCATION,
            issued_on=date(2026, 1, 12),
            grounds="REP targets were not met.",
            matters="Week 6 actions not done.",
            period_ends_on=date(2026, 3, 27),
            consequence="The panel may vote to move the school to Unacceptable.",
            recipients=default_recipients(world.school_a, Dimension.EDUCATION),
            targets=[("Single central record complete", date(2026, 2, 6))],
            by=world.ceo,
        )
        # A placeholder file stands for the PDF the worker makes (tests/interventions/test_notice_pdf.py).
        if not default_storage.exists(PLACEHOLDER_PDF):
            default_storage.save(PLACEHOLDER_PDF, ContentFile(b"%PDF-1.7\n% placeholder for tests\n"))
        world.notice.pdfs.update(status=RenderStatus.READY, file=PLACEHOLDER_PDF, made_at=timezone.now())
    return world.notice


def notice_target(world):
    return notice(world).targets.first()


def board(world):
    if not hasattr(world, "board"):
        stand_at(world, world.school_a, Dimension.EDUCATION, "unacceptable")
        world.board = services.board_form(
            school=world.school_a,
            dimension=Dimension.EDUCATION,
            formed_on=date(2026, 4, 20),
            members=[("Ann Expert", "school development"), ("Bo Teacher", "education"), ("Cy Trustee", "")],
            interim_leader="Dana Lead",
            by=world.ceo,
        )
        services.hr_support_plan_save(board=world.board, text="Coaching for the head.", by=world.ceo)
    return world.board


def board_member(world):
    return board(world).members.first()
