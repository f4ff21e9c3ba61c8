from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from categorisation.models import FinanceFigures
from kpis.models import ImportKind
from kpis.services import kpi_import_confirm, kpi_import_upload
from tests.kpis.files import FINANCE_HEADER, as_csv, as_xlsx

pytestmark = pytest.mark.django_db


def finance_rows(world):
    return [
        FINANCE_HEADER,
        [
            world.school_a.urn,
            "Ashdown",
            "Aut 2 2025-26",
            "Yes",
            "£44,000",
            "52000",
            "50000",
            "1250000",
            "65000",
        ],
        [
            world.school_b.urn,
            "Brookfield",
            "Aut 2 2025-26",
            "No",
            "-12,000",
            "8000",
            "50000",
            "900000",
            "20000",
        ],
    ]


def import_file(world, data, name="finance.csv", by=None):
    by = by or world.cfo
    kpi_import = kpi_import_upload(kind=ImportKind.FINANCE_FIGURES, filename=name, data=data, by=by)
    return kpi_import_confirm(kpi_import_id=kpi_import.pk, by=by)


@pytest.mark.parametrize(("name", "encode"), [("finance.csv", as_csv), ("finance.xlsx", as_xlsx)])
def test_the_cfo_imports_finance_figures_per_half_term(world, name, encode):
    plan = import_file(world, encode(finance_rows(world)), name=name)

    assert plan.summary == "2 added, 0 changed, 0 unchanged"
    b = FinanceFigures.objects.get(school=world.school_b)
    assert b.half_term.label == "Aut 2, 2025" and b.budget_balanced_3_years is False
    assert (b.predicted_in_year_outturn, b.reserves_percent_of_gag, b.updated_by) == (
        Decimal("-12000.00"),
        Decimal("2.2"),
        world.cfo,
    )


def test_re_importing_finance_figures_updates_the_same_half_term(world):
    import_file(world, as_csv(finance_rows(world)))
    rows = finance_rows(world)
    rows[1][3], rows[1][8] = "No", "70000"

    plan = import_file(world, as_csv(rows), by=world.ceo)

    assert plan.summary == "0 added, 1 changed, 1 unchanged"
    assert plan.rows[0].changes == [
        "Budget balances for 3 years?: Yes -> No",
        "Reserves (£): 65000.00 -> 70000.00",
    ]
    assert FinanceFigures.objects.count() == 2


def test_a_bad_finance_file_saves_nothing_and_names_row_and_column(world):
    rows = finance_rows(world) + [
        [world.school_a.urn, "", "Autumn 2025", "Maybe", "lots", "0", "0", "0", "0"],
        [world.school_a.urn, "", "Spr 1 2019-20", "Yes", "0", "0", "0", "100", "0"],
    ]

    with pytest.raises(ValidationError) as refused:
        import_file(world, as_csv(rows))

    assert refused.value.messages == [
        "Row 4, column 'Half-term': 'Autumn 2025' is not a half-term like Aut 2 2025-26.",
        "Row 4, column 'Budget balances for 3 years?': 'Maybe' is not Yes or No.",
        "Row 4, column 'Predicted in-year outturn (£)': 'lots' is not an amount in pounds, like 44000 or "
        "-12000.",
        "Row 4, column 'GAG (£)': enter the school's GAG, more than £0.",
        "Row 5, column 'Half-term': 2019-20 is not in the portal's calendar; add it in the back office "
        "first.",
    ]
    assert FinanceFigures.objects.count() == 0


@pytest.mark.parametrize("person", ["trustee", "compliance_manager", "head_a"])
def test_only_the_ceo_and_cfo_import_finance_figures(world, person):
    with pytest.raises(PermissionDenied, match="Only the Chief Executive Officer or Chief Finance Officer"):
        import_file(world, as_csv(finance_rows(world)), by=getattr(world, person))


def test_the_cfo_uses_the_finance_import_pages_but_not_the_kpi_import(world, client_as):
    client = client_as(world.cfo)
    url = reverse("kpis:import_start", kwargs={"kind": "finance-figures"})

    page = client.get(url)
    response = client.post(url, {"file": SimpleUploadedFile("f.csv", as_csv(finance_rows(world)))})
    preview = client.get(response["Location"]).content.decode()

    assert "Like Aut 2 2025-26" in page.content.decode()
    assert "2 added, 0 changed, 0 unchanged" in preview
    assert client.get(reverse("kpis:import_start", kwargs={"kind": "kpi-results"})).status_code == 403
