from datetime import datetime, timedelta

from django.utils import timezone

from categorisation.models import Dimension, Route, Vote, VoteStatus
from interventions import demo
from interventions.models import ImprovementBoard, RecordStatus, Rep, WarningNotice
from schools.roles import Role
from tests.categorisation.factories import CategorisationFactory, half_term, level
from tests.factories import person_with_role

STORY = ["universal", "concerning", "concerning", "poor", "unacceptable", "poor"]  # 2025-26, Aut 1 to Sum 2


def test_the_demo_follows_the_schools_category_history_and_is_idempotent(world):
    person_with_role(Role.EHT)
    for number, code in enumerate(STORY, start=1):
        ht = half_term(2025, number)
        CategorisationFactory(
            school=world.school_a,
            level=level(Dimension.EDUCATION, code),
            half_term=ht,
            decided_by=world.ceo,
            decided_at=timezone.make_aware(datetime.combine(ht.starts_on, datetime.min.time())),
        )
    demo.load()
    demo.load()
    rep = Rep.objects.get(school=world.school_a)
    assert (rep.status, rep.outcome, rep.milestones.count()) == (RecordStatus.CLOSED, "poor", 3)
    assert rep.extensions.count() == 1  # two half-terms in Concerning
    notices = WarningNotice.objects.filter(school=world.school_a).order_by("issued_on")
    assert [(n.status, n.outcome) for n in notices] == [
        (RecordStatus.CLOSED, "unacceptable"),
        (RecordStatus.OPEN, ""),
    ]
    board = ImprovementBoard.objects.get(school=world.school_a)
    assert (board.status, board.members.count()) == (RecordStatus.CLOSED, 3)


def test_after_a_vote_that_was_not_carried_the_demo_notice_is_a_renewed_one(world):
    person_with_role(Role.EHT)
    story = ["concerning", "poor", "poor"]  # Aut 2 2025 Concerning, then Poor; the Sum 1 vote kept it at Poor
    for number, code in enumerate(story, start=2):
        ht = half_term(2025, number)
        CategorisationFactory(
            school=world.school_a,
            level=level(Dimension.EDUCATION, code),
            half_term=ht,
            decided_by=world.ceo,
            decided_at=timezone.make_aware(datetime.combine(ht.starts_on, datetime.min.time())),
        )
    Vote.objects.create(
        school=world.school_a,
        half_term=half_term(2025, 4),
        dimension=Dimension.EDUCATION,
        from_level=level(Dimension.EDUCATION, "poor"),
        proposed_level=level(Dimension.EDUCATION, "unacceptable"),
        route=Route.PANEL_VOTE,
        motion="Targets not met.",
        status=VoteStatus.NOT_CARRIED,
        opened_by=world.ceo,
        opened_at=timezone.now(),
    )
    demo.load()
    notice = WarningNotice.objects.get(school=world.school_a)
    assert notice.issued_on == half_term(2025, 4).starts_on + timedelta(days=14)
    assert "did not carry the move to Unacceptable" in notice.grounds
