from categorisation import demo
from categorisation.models import Categorisation, Dimension, FinanceFigures, Vote, VoteStatus
from schools import demo as schools_demo
from schools.models import HalfTerm


def test_the_demo_categorises_every_past_half_term_and_leaves_the_current_one_to_the_ceo(db):
    schools_demo.load()
    demo.load()
    current = HalfTerm.objects.current()
    decided = Categorisation.objects.current()
    assert not decided.filter(half_term=current).exists()
    last = current.previous()
    education = dict(
        decided.filter(half_term=last, dimension=Dimension.EDUCATION).values_list(
            "school__urn", "level__code"
        )
    )
    finance = dict(
        decided.filter(half_term=last, dimension=Dimension.FINANCE).values_list("school__urn", "level__code")
    )
    assert list(education.values()).count("universal") == 10
    assert education["990107"] == "poor" and education["990109"] == "concerning"
    assert finance["990105"] == "concerning"
    vote = Vote.objects.get(school__urn="990107")
    assert vote.status == VoteStatus.NOT_CARRIED
    assert decided.get(half_term=last, school__urn="990107", dimension=Dimension.EDUCATION).vote == vote
    assert all(record.is_locked for record in decided.filter(half_term=last))
    below_floor = [
        f for f in FinanceFigures.objects.filter(half_term=current) if f.reserves_percent_of_gag < 3
    ]
    assert {f.school.urn for f in below_floor} == {"990105", "990112"}
    count = Categorisation.objects.count()
    demo.load()
    assert Categorisation.objects.count() == count
