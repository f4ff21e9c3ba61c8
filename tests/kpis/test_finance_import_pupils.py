"""Pupils on roll can come in with the finance figures (an optional column), not only typed in by hand."""

import pytest
from django.core.exceptions import ValidationError

from categorisation.models import FinanceFigures
from kpis.models import ImportKind
from kpis.services import kpi_import_upload
from tests.kpis.files import FINANCE_HEADER, as_csv, as_xlsx
from tests.kpis.test_finance_import import finance_rows, import_file

pytestmark = pytest.mark.django_db


def with_pupils(world, a="412", b=""):
    rows = finance_rows(world)
    return [rows[0] + ["Pupils on roll"], rows[1] + [a], rows[2] + [b]]


@pytest.mark.parametrize("encode", [as_csv, as_xlsx])
def test_a_pupils_column_sets_the_schools_pupils_on_roll(world, encode):
    plan = import_file(world, encode(with_pupils(world)), name="f.xlsx" if encode is as_xlsx else "f.csv")
    assert plan.summary == "2 added, 0 changed, 0 unchanged"
    world.school_a.refresh_from_db()
    world.school_b.refresh_from_db()
    assert world.school_a.pupils_on_roll == 412
    assert world.school_b.pupils_on_roll == 300, "an empty cell leaves the figure as it was"


def test_a_file_that_changes_only_pupils_says_so_and_leaves_the_figures(world):
    import_file(world, as_csv(finance_rows(world)))
    saved_at = FinanceFigures.objects.get(school=world.school_a).updated_at
    plan = import_file(world, as_csv(with_pupils(world, a="420")))
    assert plan.summary == "0 added, 1 changed, 1 unchanged"
    assert plan.rows[0].changes == ["Pupils on roll: 300 -> 420"]
    assert FinanceFigures.objects.get(school=world.school_a).updated_at == saved_at
    world.school_a.refresh_from_db()
    assert world.school_a.pupils_on_roll == 420


def test_a_bad_or_conflicting_pupil_number_names_the_row_and_column_and_saves_nothing(world):
    rows = with_pupils(world, a="lots")
    with pytest.raises(ValidationError) as refused:
        kpi_import_upload(kind=ImportKind.FINANCE_FIGURES, filename="f.csv", data=as_csv(rows), by=world.cfo)
    assert "Row 2, column 'Pupils on roll': 'lots' is not a whole number." in refused.value.messages
    rows = with_pupils(world)
    rows.append([world.school_a.urn, "Ashdown", "Aut 1 2025-26", "Yes", "1", "1", "1", "1000", "1", "400"])
    with pytest.raises(ValidationError) as refused:
        kpi_import_upload(kind=ImportKind.FINANCE_FIGURES, filename="f.csv", data=as_csv(rows), by=world.cfo)
    assert any("Row 4, column 'Pupils on roll'" in m and "412 on row 2" in m for m in refused.value.messages)
    assert not FinanceFigures.objects.exists()
    world.school_a.refresh_from_db()
    assert world.school_a.pupils_on_roll == 300
    assert FINANCE_HEADER[-1] == "Reserves (£)", "the column is optional: old files still import"


def test_the_kpi_import_takes_the_same_optional_pupils_column(world):
    from kpis.models import KpiResult
    from tests.kpis.test_import_services import kpi_rows, upload_and_confirm

    rows = kpi_rows(world)
    rows = [
        rows[0] + ["Pupils on roll"],
        *(row + ["412" if row[0] == world.school_a.urn else ""] for row in rows[1:]),
    ]
    upload_and_confirm(world, "kpis.csv", as_csv(rows))
    world.school_a.refresh_from_db()
    assert world.school_a.pupils_on_roll == 412 and KpiResult.objects.count() == 4
    saved = dict(KpiResult.objects.values_list("pk", "updated_at"))
    rows = [row[:-1] + (["430"] if row[0] == world.school_a.urn else [""]) for row in rows[1:]]
    plan = upload_and_confirm(world, "kpis.csv", as_csv([kpi_rows(world)[0] + ["Pupils on roll"], *rows]))
    assert plan.summary == "0 added, 3 changed, 1 unchanged"
    assert dict(KpiResult.objects.values_list("pk", "updated_at")) == saved, "the results are untouched"
    world.school_a.refresh_from_db()
    assert world.school_a.pupils_on_roll == 430
