"""The interventions dashboard's download: every open REP, Finance REP, warning notice and Improvement
Board, as the dashboard lists them."""

from django.urls import reverse

from interventions.models import RecordStatus, Rep
from tests.downloads import as_dicts, download, table
from tests.interventions import scenario


def test_the_interventions_download_lists_every_open_record(world, client_as):
    scenario.rep(world)
    scenario.frep(world)
    scenario.notice(world)
    scenario.board(world)
    url = reverse("interventions:dashboard_export")
    for fmt in ("csv", "xlsx"):
        rows = as_dicts(table(download(client_as(world.trustee), url, fmt)))
        by_kind = {r["Record"]: r for r in rows}
        assert set(by_kind) == {"REP", "Finance REP", "Warning notice", "Improvement Board"}
        assert {r["URN"] for r in rows} == {world.school_a.urn}
        assert by_kind["REP"]["Dimension"] == "Education" and by_kind["REP"]["Led by"] == str(world.ceo)
        assert str(by_kind["Warning notice"]["Ends on"]).startswith("2026-03-27")
        assert by_kind["Improvement Board"]["Led by"] == "Dana Lead"
        assert by_kind["Finance REP"]["Dimension"] == "Finance" and by_kind["Finance REP"]["Status"] == "Open"


def test_a_closed_record_is_not_in_the_download_as_it_is_not_on_the_dashboard(world, client_as):
    Rep.objects.filter(pk=scenario.rep(world).pk).update(status=RecordStatus.CLOSED)
    rows = table(download(client_as(world.ceo), reverse("interventions:dashboard_export")))
    assert rows == [rows[0]]
    page = client_as(world.ceo).get(reverse("interventions:dashboard")).content.decode()
    assert f"{reverse('interventions:dashboard_export')}?format=xlsx" in page
