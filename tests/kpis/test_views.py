import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from kpis.measures import Measure
from kpis.models import ImportStatus, KpiImport, KpiResult
from schools.models import HalfTerm, Phase
from tests.factories import SchoolFactory
from tests.kpis.factories import ComparatorFactory, KpiResultFactory, year
from tests.kpis.files import KPI_HEADER, as_csv, as_xlsx

pytestmark = pytest.mark.django_db


def rows(world):
    return [
        KPI_HEADER,
        [world.school_a.urn, "Ashdown", "2025-26", "ks2_rwm", "", "72", "50", "30", "10"],
        [world.school_a.urn, "Ashdown", "2025-26", "eyfs_gld", "", "67", "70", "28", "4"],
    ]


def upload(client, name, data, kind="kpi-results"):
    return client.post(
        reverse("kpis:import_start", kwargs={"kind": kind}), {"file": SimpleUploadedFile(name, data)}
    )


@pytest.mark.parametrize(("name", "encode"), [("kpis.csv", as_csv), ("kpis.xlsx", as_xlsx)])
def test_the_ceo_uploads_previews_and_confirms_a_kpi_file(world, client_as, name, encode):
    client = client_as(world.ceo)

    response = upload(client, name, encode(rows(world)))
    kpi_import = KpiImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "kpis:import_preview", kwargs={"pk": kpi_import.pk}
    )

    page = client.get(response["Location"]).content.decode()
    assert "2 added, 0 changed, 0 unchanged" in page and "Small cohort" in page
    assert KpiResult.objects.count() == 0

    done = client.post(reverse("kpis:import_confirm", kwargs={"pk": kpi_import.pk}), follow=True)
    assert "KPI results saved: 2 added, 0 changed, 0 unchanged." in done.content.decode()
    assert KpiResult.objects.count() == 2
    kpi_import.refresh_from_db()
    assert kpi_import.status == ImportStatus.APPLIED and kpi_import.applied_by == world.ceo


def test_a_bad_file_is_refused_with_every_row_and_column_and_nothing_kept(world, client_as):
    data = rows(world) + [["999999", "", "2025-26", "ks2_rwm", "", "abc", "", "30", ""]]

    response = upload(client_as(world.ceo), "kpis.csv", as_csv(data))

    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Row 4, column &#x27;URN&#x27;: no school in the portal has URN 999999." in page
    assert "Row 4, column &#x27;All pupils&#x27;: &#x27;abc&#x27; is not a number." in page
    assert KpiImport.objects.count() == 0 and KpiResult.objects.count() == 0


def test_a_file_that_is_not_a_spreadsheet_is_refused(world, client_as):
    response = upload(client_as(world.ceo), "kpis.pdf", b"%PDF-1.4")

    assert "The file must be one of: CSV, XLSX" in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_filled_in_below_its_hint_row_imports(world, client_as, fmt):
    client = client_as(world.ceo)
    response = client.get(reverse("kpis:import_template", kwargs={"kind": "kpi-results", "fmt": fmt}))
    if fmt == "csv":
        template = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        template = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert template[0] == [*KPI_HEADER, "Pupils on roll"] and template[1][2] == "Like 2025-26"

    filled = template + rows(world)[1:]
    encoded = as_csv(filled) if fmt == "csv" else as_xlsx(filled)
    assert upload(client, f"filled.{fmt}", encoded).status_code == 302


def test_an_unknown_import_is_not_found(world, client_as):
    assert client_as(world.ceo).get("/kpis/imports/pupil-names/").status_code == 404


def test_the_school_page_sets_figures_beside_comparators_and_flags_small_cohorts(world, essex, client_as):
    KpiResultFactory(school=world.school_a, cohort=30, disadvantaged_cohort=4)
    ComparatorFactory(area="Essex", all_pupils=Decimal("63"))
    ComparatorFactory(area="National", all_pupils=Decimal("61"), figure_year=2025)
    KpiResultFactory(
        school=world.school_a,
        measure=Measure.ATTENDANCE,
        half_term=HalfTerm.objects.get(academic_year=year(), number=2),
        all_pupils=Decimal("95.3"),
    )

    page = (
        client_as(world.head_a)
        .get(reverse("kpis:school", kwargs={"urn": world.school_a.urn}), {"year": "2025-26"})
        .content.decode()
    )

    assert "72%" in page and "Essex: 63%" in page and "National 2025: 61%" in page
    assert "Small cohort" in page and "95.3%" in page and "Aut 2, 2025" in page


def test_the_trust_table_shows_every_school_and_what_does_not_apply(world, client_as):
    SchoolFactory(name="Fairfield Nursery School", phase=Phase.NURSERY)
    KpiResultFactory(school=world.school_a)

    page = client_as(world.trustee).get(reverse("kpis:trust_table"), {"year": "2025-26"}).content.decode()

    assert "Fairfield Nursery School" in page and "n/a" in page and "72%" in page
    assert "Import KPI results" not in page  # a trustee reads, the CEO imports


def test_the_school_page_panel_shows_the_latest_kpis(world, client_as):
    KpiResultFactory(school=world.school_a)

    page = client_as(world.lsb_chair_a).get(reverse("schools:detail", kwargs={"urn": world.school_a.urn}))

    assert "KPIs 2025-26" in page.content.decode() and "72%" in page.content.decode()


def test_the_back_office_shows_kpi_results_read_only(world, admin_client):
    result = KpiResultFactory(school=world.school_a)

    listing = admin_client.get(reverse("admin:kpis_kpiresult_changelist"))
    change = admin_client.get(reverse("admin:kpis_kpiresult_change", args=[result.pk]))

    assert listing.status_code == 200 and world.school_a.name in listing.content.decode()
    assert change.status_code == 200 and "Save" not in change.content.decode()
    assert admin_client.get(reverse("admin:kpis_kpiresult_add")).status_code == 403
