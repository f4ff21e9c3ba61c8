"""The overview grid's and the half-term's decisions' downloads: what they hold for a built world."""

import datetime as dt

import pytest
from django.urls import reverse

from categorisation.models import Choice, Dimension
from categorisation.services import vote_cast, vote_close, vote_open
from schools.models import Phase
from tests.categorisation.factories import CategorisationFactory, half_term, level
from tests.downloads import as_dicts, download, table
from tests.factories import SchoolFactory

AUT_2 = (2026, 2)


@pytest.fixture(autouse=True)
def in_autumn_2026(time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC), tick=False)


def _place(school, term, by, **codes):
    for dimension, code in codes.items():
        CategorisationFactory(
            school=school, half_term=term, level=level(dimension, code), decided_by=by, rationale=f"{code}."
        )


def test_the_grid_download_holds_every_dimension_of_every_half_term_shown(world, client_as):
    now, before = half_term(*AUT_2), half_term(2026, 1)
    _place(world.school_a, before, world.ceo, education="universal", finance="universal", site_hs="universal")
    _place(world.school_a, now, world.ceo, education="concerning", finance="poor", site_hs="universal")
    url = reverse("categorisation:overview_export")
    for fmt in ("csv", "xlsx"):
        rows = as_dicts(table(download(client_as(world.trustee), url, fmt, half_term=now.pk)))
        school_a = next(row for row in rows if row["URN"] == world.school_a.urn)
        assert school_a["Aut 2, 2026 Education"] == "Concerning"
        assert school_a["Aut 2, 2026 Finance"] == "Poor"
        assert school_a["Aut 2, 2026 Site & H&S"] == "Universal"
        assert school_a["Aut 1, 2026 Education"] == "Universal"
        assert school_a["Moved in the last half-term"] == "Yes"
        assert school_a["School"] == world.school_a.name and school_a["Phase"] == "Primary"
    header = table(download(client_as(world.ceo), url, half_term=now.pk))[0]
    # Six half-terms, oldest first, three dimensions each.
    assert header[3] == "Spr 1, 2026 Education" and header[-2] == "Aut 2, 2026 Site & H&S"
    assert len(header) == 3 + 6 * 3 + 1


def test_the_grid_download_keeps_the_pages_filters_and_holds_every_page(world, client_as):
    now = half_term(*AUT_2)
    for n in range(45):
        SchoolFactory(urn=f"5{n:05d}", name=f"Meadow {n:02d} Academy")
    secondary = SchoolFactory(urn="599999", name="Riverside Secondary", phase=Phase.SECONDARY)
    _place(secondary, now, world.ceo, education="poor")
    url = reverse("categorisation:overview_export")
    client = client_as(world.ceo)
    everyone = table(download(client, url, half_term=now.pk))[1:]
    assert len(everyone) == 48  # not the page's 40
    by_phase = table(download(client, url, half_term=now.pk, phase=Phase.SECONDARY, span=12))
    assert [row[1] for row in by_phase[1:]] == ["Riverside Secondary"]
    # Twelve asked for; the calendar holds eight up to Aut 2, 2026 (from Aut 1, 2025).
    assert len(by_phase[0]) == 3 + 8 * 3 + 1
    poor = table(download(client, url, half_term=now.pk, category="poor"))
    assert [row[1] for row in poor[1:]] == ["Riverside Secondary"]


def _carried_vote(world):
    """School A, Poor in education in Aut 1, voted to Unacceptable in Aut 2 by its panel."""
    _place(world.school_a, half_term(2026, 1), world.ceo, education="poor")
    vote = vote_open(
        school=world.school_a,
        half_term=half_term(*AUT_2),
        proposed_level=level("education", "unacceptable"),
        motion="Warning-notice targets missed.",
        by=world.ceo,
    )
    vote_cast(vote=vote, by=world.ceo, choice=Choice.FOR)
    vote_cast(vote=vote, by=world.head_a, choice=Choice.AGAINST, declared_interest="I lead the school.")
    vote_cast(vote=vote, by=world.lsb_chair_a, choice=Choice.FOR)
    vote_close(vote=vote, by=world.ceo)
    return vote


def test_the_decisions_download_holds_each_school_and_dimension_with_the_vote_it_went_to(world, client_as):
    vote = _carried_vote(world)
    _place(world.school_b, half_term(*AUT_2), world.ceo, finance="concerning")
    url = reverse("categorisation:decisions_export", args=[half_term(*AUT_2).pk])
    for fmt in ("csv", "xlsx"):
        rows = as_dicts(table(download(client_as(world.ceo), url, fmt)))
        assert [(r["School"], r["Dimension"]) for r in rows] == [
            (school.name, dimension.label)
            for school in (world.school_a, world.school_b)
            for dimension in Dimension
        ]
        education_a = rows[0]
        assert education_a["Level before"] == "Poor" and education_a["Level"] == "Unacceptable"
        assert education_a["Decided by route"] == "A panel vote"
        assert education_a["Vote"] == f"Vote {vote.pk}" and education_a["Vote status"] == "Carried"
        assert education_a["Motion"] == "Warning-notice targets missed."
        counts = [education_a[k] for k in ("For", "Against", "Abstain", "Stepped aside", "Not voted")]
        assert [int(c) for c in counts] == [2, 1, 0, 0, 0]
        finance_b = rows[4]
        assert finance_b["Level"] == "Concerning" and finance_b["Rationale"] == "concerning."
        assert finance_b["Vote"] in ("", None)
        assert rows[5]["Level"] == "Not decided"


def test_an_open_vote_has_a_row_of_its_own_and_the_cfo_gets_finance_only(world, client_as):
    _place(world.school_a, half_term(2026, 1), world.ceo, education="poor")
    vote_open(
        school=world.school_a,
        half_term=half_term(*AUT_2),
        proposed_level=level("education", "concerning"),
        motion="The notice's targets are met.",
        by=world.ceo,
    )
    url = reverse("categorisation:decisions_export", args=[half_term(*AUT_2).pk])
    rows = as_dicts(table(download(client_as(world.ceo), url)))
    open_votes = [r for r in rows if r["Vote status"] == "Open"]
    assert len(open_votes) == 1 and open_votes[0]["Level"] == "" and open_votes[0]["Level before"] == "Poor"
    assert open_votes[0]["Proposed level"] == "Concerning" and open_votes[0]["Not voted"] == "3"
    finance_only = as_dicts(table(download(client_as(world.cfo), url)))
    assert {r["Dimension"] for r in finance_only} == {"Finance"}
    assert len(finance_only) == 2


def test_the_pages_link_to_their_downloads(world, client_as):
    client = client_as(world.ceo)
    now = half_term(*AUT_2)
    overview = client.get(reverse("categorisation:overview"), {"half_term": now.pk, "phase": "primary"})
    assert (
        f"{reverse('categorisation:overview_export')}?half_term={now.pk}&amp;phase=primary&amp;format=xlsx"
        in (overview.content.decode())
    )
    decide = client.get(reverse("categorisation:decide"), {"half_term": now.pk}).content.decode()
    assert f"{reverse('categorisation:decisions_export', args=[now.pk])}?format=csv" in decide
