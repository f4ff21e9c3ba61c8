from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kpis.importing import preview
from kpis.measures import Measure
from kpis.models import Comparator, ImportKind, ImportStatus, KpiImport, KpiResult
from kpis.services import kpi_import_confirm, kpi_import_upload, kpi_results_import
from schools.models import Phase
from tests.factories import SchoolFactory
from tests.kpis.files import COMPARATOR_HEADER, KPI_HEADER, as_csv, as_xlsx

pytestmark = pytest.mark.django_db


def kpi_rows(world):
    a, b = world.school_a.urn, world.school_b.urn
    return [
        KPI_HEADER,
        [a, "Ashdown", "2025-26", "ks2_rwm", "", "72", "50", "30", "10"],
        [a, "Ashdown", "2025-26", "EYFS GLD", "", "67", "70", "28", "4"],
        [a, "Ashdown", "2025-26", "attendance", "Aut 2", "96", "91.8", "410", "85"],
        [b, "Brookfield", "2025-26", "mtc_average", "", "20.64", "17", "29", "9"],
    ]


def upload_and_confirm(world, name, data, kind=ImportKind.KPI_RESULTS):
    kpi_import = kpi_import_upload(kind=kind, filename=name, data=data, by=world.ceo)
    return kpi_import_confirm(kpi_import_id=kpi_import.pk, by=world.ceo)


@pytest.mark.parametrize(("name", "encode"), [("kpis.csv", as_csv), ("kpis.xlsx", as_xlsx)])
def test_the_ceo_imports_kpi_results_from_csv_and_xlsx(world, name, encode):
    plan = upload_and_confirm(world, name, encode(kpi_rows(world)))

    assert plan.summary == "4 added, 0 changed, 0 unchanged"
    ks2 = KpiResult.objects.get(school=world.school_a, measure=Measure.KS2_RWM)
    assert (ks2.all_pupils, ks2.disadvantaged, ks2.cohort, ks2.disadvantaged_cohort) == (
        Decimal("72.0"),
        Decimal("50.0"),
        30,
        10,
    )
    attendance = KpiResult.objects.get(measure=Measure.ATTENDANCE)
    assert attendance.half_term.label == "Aut 2, 2025" and attendance.updated_by == world.ceo
    assert KpiResult.objects.get(measure=Measure.MTC_AVERAGE).all_pupils == Decimal("20.6")
    assert KpiImport.objects.get().status == ImportStatus.APPLIED


def test_re_importing_updates_the_same_rows_and_says_what_changed(world):
    upload_and_confirm(world, "kpis.csv", as_csv(kpi_rows(world)))
    rows = kpi_rows(world)
    rows[1][5] = "74"

    kpi_import = kpi_import_upload(
        kind=ImportKind.KPI_RESULTS, filename="again.csv", data=as_csv(rows), by=world.ceo
    )
    planned, _ = preview(kpi_import.kind, kpi_import.filename, bytes(kpi_import.content))
    plan = kpi_import_confirm(kpi_import_id=kpi_import.pk, by=world.ceo)

    assert planned.summary == plan.summary == "0 added, 1 changed, 3 unchanged"
    assert [r.changes for r in plan.rows if r.changes] == [["All pupils: 72.0 -> 74.0"]]
    assert KpiResult.objects.count() == 4
    assert KpiResult.objects.get(measure=Measure.KS2_RWM).all_pupils == Decimal("74.0")


def test_a_file_with_any_bad_row_saves_nothing_and_names_every_row_and_column(world):
    nursery = SchoolFactory(phase=Phase.NURSERY, name="Fairfield Nursery School", urn="100099")
    a = world.school_a.urn
    rows = kpi_rows(world) + [
        ["999999", "", "2025-26", "ks2_rwm", "", "70", "", "30", ""],
        [nursery.urn, "", "2025-26", "ks2_rwm", "", "70", "", "30", ""],
        [a, "", "2025-26", "attendance", "", "95", "", "400", ""],
        [a, "", "2025-26", "phonics_y1", "Aut 1", "101", "40", "30", "31"],
        [a, "", "2019-20", "phonics_y2", "", "80", "", "thirty", ""],
        [a, "", "2025-26", "ks2_rwm", "", "71", "", "30", ""],
        [a, "", "2025-26", "mtc_average", "", "26", "20", "30", ""],
    ]

    with pytest.raises(ValidationError) as refused:
        kpi_import_upload(kind=ImportKind.KPI_RESULTS, filename="bad.csv", data=as_csv(rows), by=world.ceo)

    assert refused.value.messages == [
        "Row 6, column 'URN': no school in the portal has URN 999999.",
        "Row 7, column 'Measure': KS2 reading, writing and maths combined (expected standard) does not "
        "apply to Fairfield Nursery School (Nursery).",
        "Row 8, column 'Half-term': enter the half-term the attendance runs to, like Aut 2.",
        "Row 9, column 'Half-term': leave it empty: only attendance is recorded by half-term.",
        "Row 9, column 'All pupils': 101.0 is not between 0 and 100%.",
        "Row 9, column 'Disadvantaged cohort': 31 cannot be more than the cohort (30).",
        "Row 10, column 'Academic year': 2019-20 is not in the portal's calendar; add it in the back office "
        "first.",
        "Row 10, column 'Cohort': 'thirty' is not a whole number.",
        f"Row 11: {world.school_a} - KS2 reading, writing and maths combined (expected standard) - 2025-26 "
        "is also on row 2; keep one of them.",
        "Row 12, column 'All pupils': 26.0 is not between 0 and 25 marks.",
        "Row 12, column 'Disadvantaged cohort': enter how many disadvantaged pupils the PPG figure is about.",
    ]
    assert KpiImport.objects.count() == 0 and KpiResult.objects.count() == 0


def test_the_service_itself_refuses_bad_records_whole(world):
    with pytest.raises(ValidationError, match="no school in the portal has URN 999999"):
        kpi_results_import(
            records=[
                {
                    "_row": 2,
                    "urn": world.school_a.urn,
                    "year": 2025,
                    "measure": Measure.KS2_RWM,
                    "half_term": None,
                    "all_pupils": Decimal(70),
                    "disadvantaged": None,
                    "cohort": 30,
                    "disadvantaged_cohort": None,
                },
                {
                    "_row": 3,
                    "urn": "999999",
                    "year": 2025,
                    "measure": Measure.KS2_RWM,
                    "half_term": None,
                    "all_pupils": Decimal(70),
                    "disadvantaged": None,
                    "cohort": 30,
                    "disadvantaged_cohort": None,
                },
            ],
            by=world.ceo,
        )
    assert KpiResult.objects.count() == 0


def test_a_preview_saves_no_results(world):
    plan, errors = preview(ImportKind.KPI_RESULTS, "kpis.csv", as_csv(kpi_rows(world)))
    kpi_import_upload(
        kind=ImportKind.KPI_RESULTS, filename="kpis.csv", data=as_csv(kpi_rows(world)), by=world.ceo
    )

    assert errors == [] and plan.summary == "4 added, 0 changed, 0 unchanged"
    assert KpiResult.objects.count() == 0


def test_the_preview_flags_small_cohorts(world):
    plan, _ = preview(ImportKind.KPI_RESULTS, "kpis.csv", as_csv(kpi_rows(world)))

    assert [row.item.flags for row in plan.rows] == [[], ["Small cohort"], [], []]


def test_a_saved_import_cannot_be_confirmed_again(world):
    kpi_import = kpi_import_upload(
        kind=ImportKind.KPI_RESULTS, filename="kpis.csv", data=as_csv(kpi_rows(world)), by=world.ceo
    )
    kpi_import_confirm(kpi_import_id=kpi_import.pk, by=world.ceo)

    with pytest.raises(ValidationError, match="already saved on .* To change the figures, upload a new file"):
        kpi_import_confirm(kpi_import_id=kpi_import.pk, by=world.ceo)


@pytest.mark.parametrize("person", ["cfo", "trustee", "head_a"])
def test_only_the_ceo_imports_kpi_results(world, person):
    with pytest.raises(PermissionDenied, match="Only the Chief Executive Officer may import KPI results"):
        kpi_import_upload(
            kind=ImportKind.KPI_RESULTS,
            filename="k.csv",
            data=as_csv(kpi_rows(world)),
            by=getattr(world, person),
        )


def test_the_ceo_imports_comparators_and_the_national_figure_keeps_its_year(world):
    rows = [
        COMPARATOR_HEADER,
        ["ks2_rwm", "2025-26", "Essex", "63", "44", ""],
        ["mtc_average", "2025-26", "national", "20.6", "19", "2024"],
    ]
    phased = [
        COMPARATOR_HEADER[:5] + ["Phase", "Figure year"],
        ["attendance", "2025-26", "Essex", "91.2", "85", "Secondary", ""],
    ]

    plan = upload_and_confirm(world, "comparators.csv", as_csv(rows), kind=ImportKind.COMPARATORS)
    by_phase = upload_and_confirm(world, "phased.csv", as_csv(phased), kind=ImportKind.COMPARATORS)

    assert plan.summary == "2 added, 0 changed, 0 unchanged"
    assert by_phase.summary == "1 added, 0 changed, 0 unchanged"
    assert Comparator.objects.get(measure=Measure.ATTENDANCE).phase == "secondary"
    national = Comparator.objects.get(area="National")
    assert (national.label, national.all_pupils) == ("National 2024", Decimal("20.6"))
