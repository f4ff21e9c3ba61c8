from categorisation.models import FinanceFigures
from letters.compose import letter_content
from letters.models import Letter
from letters.services.letters import letters_drafts_create
from schools.models import HalfTerm
from tests.api.conftest import finance_row
from tests.factories import SchoolFactory


def test_a_finance_systems_figures_for_three_schools_appear_in_the_next_letter_drafts(world, integration):
    _, api = integration("Finance system", "finance:write")
    school_c = SchoolFactory(name="Carlton Primary", urn="100003")
    rows = [
        finance_row(world.school_a.urn, predicted_in_year_outturn="44000"),
        finance_row(world.school_b.urn, predicted_in_year_outturn="-12000", budget_balanced_3_years=False),
        finance_row(school_c.urn, predicted_carry_forward="81000"),
    ]

    response = api.post("/api/finance-figures/", {"rows": rows}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["summary"] == "3 added, 0 changed, 0 unchanged"
    half_term = HalfTerm.objects.get(academic_year__starts_on__year=2025, number=2)
    assert letters_drafts_create(half_term=half_term, by=world.ceo) == 3
    content = {
        letter.school.urn: letter_content(letter)["finance_figures"]
        for letter in Letter.objects.filter(half_term=half_term).select_related("school", "half_term")
    }
    assert content["100001"]["in_year"] == "£44,000"
    assert content["100002"]["in_year"] == "-£12,000"
    assert content["100002"]["balanced"] == "No"
    assert content["100003"]["carry_forward"] == "£81,000"


def test_the_finance_system_is_recorded_as_who_entered_the_figures(world, integration):
    client, api = integration("Finance system", "finance:write")

    api.post("/api/finance-figures/", {"rows": [finance_row(world.school_a.urn)]}, format="json")

    figures = FinanceFigures.objects.get(school=world.school_a)
    assert figures.updated_by == client.user
    assert figures.updated_by.display_name == "Finance system"
    assert not figures.updated_by.has_usable_password()


def test_one_bad_row_refuses_the_whole_batch_and_names_the_field(world, integration):
    _, api = integration("Finance system", "finance:write")
    rows = [finance_row(world.school_a.urn), finance_row(world.school_b.urn, gag="0")]

    response = api.post("/api/finance-figures/", {"rows": rows}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"row": 2, "field": "gag", "message": "enter the school's GAG, more than £0."}
    ]
    assert not FinanceFigures.objects.exists()


def test_an_unknown_urn_and_a_half_term_not_in_the_calendar_are_named_by_row(world, integration):
    _, api = integration("Finance system", "finance:write")
    rows = [finance_row("999999"), finance_row(world.school_b.urn, half_term="Aut 2 2031-32")]

    response = api.post("/api/finance-figures/", {"rows": rows}, format="json")

    assert response.status_code == 400
    errors = [(e["row"], e["field"]) for e in response.json()["errors"]]
    assert errors == [(1, "urn"), (2, "half_term")]
    assert "999999" in response.json()["errors"][0]["message"]


def test_a_figure_of_the_wrong_type_is_refused_by_row_and_field(world, integration):
    _, api = integration("Finance system", "finance:write")
    rows = [finance_row(world.school_a.urn), finance_row(world.school_b.urn, reserves="lots")]

    response = api.post("/api/finance-figures/", {"rows": rows}, format="json")

    assert response.status_code == 400
    assert [(e["row"], e["field"]) for e in response.json()["errors"]] == [(2, "reserves")]
    assert not FinanceFigures.objects.exists()
