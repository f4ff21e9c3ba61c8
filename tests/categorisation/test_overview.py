from django.urls import reverse
from django.utils import timezone

from categorisation.models import Categorisation, Dimension, Route
from schools.calendar import academic_year_ensure
from schools.models import HalfTerm, Phase
from tests.categorisation.factories import level
from tests.factories import SchoolFactory


def _schools_with_history(count, world, first=0):
    """`count` schools with education and finance decisions for all 18 half-terms from 2024-25."""
    academic_year_ensure(start_year=2024)
    half_terms = list(HalfTerm.objects.order_by("starts_on"))
    assert len(half_terms) == 18
    universal = {d: level(d, "universal") for d in (Dimension.EDUCATION, Dimension.FINANCE)}
    concerning = level(Dimension.EDUCATION, "concerning")
    schools = [SchoolFactory(urn=f"2{n:05d}", name=f"School {n:03d}") for n in range(first, first + count)]
    now = timezone.now()
    Categorisation.objects.bulk_create(
        Categorisation(
            school=school,
            half_term=ht,
            dimension=d,
            level=concerning if (d == Dimension.EDUCATION and i % 5 == 0 and n % 2) else universal[d],
            route=Route.CEO,
            decided_by=world.ceo,
            decided_at=now,
        )
        for i, school in enumerate(schools)
        for n, ht in enumerate(half_terms)
        for d in universal
    )
    return schools, half_terms


def _overview(client_as, world, half_term, **params):
    client = client_as(world.ceo)
    return client.get(reverse("categorisation:overview"), {"half_term": half_term.pk, "span": 18, **params})


def test_the_overview_runs_the_same_queries_for_10_or_120_schools(
    world, client_as, django_assert_max_num_queries
):
    _, half_terms = _schools_with_history(10, world)
    client = client_as(world.ceo)
    url = reverse("categorisation:overview")
    params = {"half_term": half_terms[-1].pk, "span": 18}
    client.get(url, params)  # the session and the user's roles are read the same way every time
    counted = {}
    for total in (10, 120):
        if total == 120:
            _schools_with_history(110, world, first=10)
        # 14 for the grid, 13 for the slipping intervention deadlines below it (overdue actions,
        # directives and targets, late plans, and the records each school's level needs: the latest levels
        # and the ladder's levels), 3 for the charts of schools at each level by half-term (the schools,
        # the ladder, the counts).
        with django_assert_max_num_queries(30) as captured:
            response = client.get(url, params)
        assert response.status_code == 200
        # Schools A and B as well, 40 schools a page; below the grid a slipping-deadline row for every fifth
        # school: Concerning, no REP.
        without_rep = len(range(0, total, 5))
        assert response.content.decode().count('<th scope="row">') == min(total + 2, 40) + without_rep
        assert response.content.decode().count("Education Concerning without a REP") == without_rep
        counted[total] = len(captured)
    assert counted[10] == counted[120]
    # The counts are of every school; the grid's pages keep the filters.
    assert sum(n for _, n in [*response.context["summary"][0][1]]) + response.context["summary"][0][2] == 122
    page = response.content.decode()
    assert "span=18&amp;page=2" in page and "Page 1 of 4" in page
    last = client.get(url, {**params, "page": 4})
    assert last.content.decode().count('<th scope="row">') == 2 + without_rep


def test_the_overview_shows_movement_and_counts(world, client_as):
    schools, half_terms = _schools_with_history(10, world)
    page = _overview(client_as, world, half_terms[-1]).content.decode()
    # School 0 moves each half-term between Universal and Concerning in education.
    assert "moved up" in page and "moved down" in page
    assert '<span class="tag tag--green">Universal</span> 8' in page


def test_the_overview_filters_by_phase_category_and_movement(world, client_as):
    schools, half_terms = _schools_with_history(10, world)
    schools[1].phase = Phase.SECONDARY
    schools[1].save()
    by_phase = _overview(client_as, world, half_terms[-1], phase=Phase.SECONDARY).context["rows"]
    assert [row.school for row in by_phase] == [schools[1]]
    # Half-term 17 (odd) is when schools 0 and 5 are Concerning: they moved down into it.
    concerning = _overview(client_as, world, half_terms[-1], category="concerning").context["rows"]
    assert {row.school for row in concerning} == {schools[0], schools[5]}
    moved = _overview(client_as, world, half_terms[-1], moved="1").context["rows"]
    assert {row.school for row in moved} == {schools[0], schools[5]}


def test_a_trust_wide_person_lands_on_the_to_do_page_with_the_overview_in_the_menu(world, client_as):
    client = client_as(world.trustee)
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("todo:list")
    assert f'href="{reverse("categorisation:overview")}"' in client.get(response["Location"]).content.decode()


def test_each_cell_names_the_level_in_full_with_the_dimension_for_screen_readers(world, client_as):
    half_term = HalfTerm.objects.current()
    for dimension, code in (
        (Dimension.EDUCATION, "poor"),
        (Dimension.FINANCE, "unacceptable"),
        (Dimension.SITE, "universal"),
    ):
        Categorisation.objects.create(
            school=world.school_a,
            half_term=half_term,
            dimension=dimension,
            level=level(dimension, code),
            route=Route.CEO,
            decided_by=world.ceo,
            decided_at=timezone.now(),
        )
    response = client_as(world.ceo).get(reverse("categorisation:overview"))
    page = response.content.decode()
    assert '<span class="tag tag--orange"><span class="visually-hidden">Education: </span>Poor</span>' in page
    assert (
        '<span class="tag tag--red"><span class="visually-hidden">Finance: </span>Unacceptable</span>' in page
    )
    site = '<span class="visually-hidden">Site &amp; H&amp;S: </span>'
    assert f'<span class="tag tag--green">{site}Universal</span>' in page
    # School B has no categories yet: each of its three says so in words.
    assert f"{site}Not decided" in page
    assert "E Poo" not in page and "F Una" not in page
    # The counts above the grid cover site & H&S too.
    assert [label for label, _, _ in response.context["summary"]] == ["Education", "Finance", "Site & H&S"]
