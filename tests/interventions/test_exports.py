"""The interventions dashboard's download: every open REP, Finance REP, warning notice and Improvement
Board, as the dashboard lists them."""

import datetime as dt

import pytest
from django.urls import reverse

from interventions.exports import SLIPPED
from interventions.models import RecordStatus, Rep
from tests.downloads import as_dicts, download, table
from tests.interventions import scenario


@pytest.fixture(autouse=True)
def in_spring_2026(time_machine):
    time_machine.move_to(dt.datetime(2026, 5, 1, 10, tzinfo=dt.UTC), tick=False)


def test_the_interventions_download_lists_every_open_record_and_slipping_deadline(world, client_as):
    scenario.rep(world)
    scenario.frep(world)
    scenario.notice(world)
    scenario.board(world)
    url = reverse("interventions:dashboard_export")
    for fmt in ("csv", "xlsx"):
        everything = as_dicts(table(download(client_as(world.trustee), url, fmt)))
        rows = [r for r in everything if r["Status"] != SLIPPED]
        by_kind = {r["Record"]: r for r in rows}
        assert set(by_kind) == {"REP", "Finance REP", "Warning notice", "Improvement Board"}
        assert {r["URN"] for r in rows} == {world.school_a.urn}
        assert by_kind["REP"]["Dimension"] == "Education" and by_kind["REP"]["Led by"] == str(world.ceo)
        assert str(by_kind["Warning notice"]["Ends on"]).startswith("2026-03-27")
        assert by_kind["Improvement Board"]["Led by"] == "Dana Lead"
        assert by_kind["Finance REP"]["Dimension"] == "Finance" and by_kind["Finance REP"]["Status"] == "Open"
        # Then the slipping deadlines, as the dashboard lists them: the notice's target was due in February.
        slipped = {r["Detail"]: r for r in everything if r["Status"] == SLIPPED}
        target = slipped["Single central record complete"]
        assert target["Record"] == "Education warning-notice target missed"
        assert str(target["Ends on"]).startswith("2026-02-06") and target["School"] == world.school_a.name


def test_a_closed_record_is_not_in_the_download_as_it_is_not_on_the_dashboard(world, client_as):
    Rep.objects.filter(pk=scenario.rep(world).pk).update(status=RecordStatus.CLOSED)
    rows = table(download(client_as(world.ceo), reverse("interventions:dashboard_export")))
    assert rows == [rows[0]]
    page = client_as(world.ceo).get(reverse("interventions:dashboard")).content.decode()
    assert f"{reverse('interventions:dashboard_export')}?format=xlsx" in page
