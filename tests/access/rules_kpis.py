from django.utils import timezone

from kpis.models import ImportKind, KpiImport
from tests.access import Rule, school_a_only, statuses, trust_wide_only
from tests.kpis.files import FINANCE_HEADER, KPI_HEADER, as_csv

# Only the CEO imports KPI results and comparators: everyone else signed in gets 403.
CEO_ONLY = statuses(default=403, ceo=200)
# The CEO and the CFO import finance figures.
CEO_AND_CFO = statuses(default=403, ceo=200, cfo=200)


def a_previewed_finance_import(world):
    kpi_import = KpiImport.objects.create(
        kind=ImportKind.FINANCE_FIGURES,
        filename="finance.csv",
        content=as_csv(
            [FINANCE_HEADER, [world.school_a.urn, "", "Aut 2 2025-26", "Yes", "1", "1", "1", "1", "1"]]
        ),
        uploaded_by=world.cfo,
        uploaded_at=timezone.now(),
    )
    return {"pk": kpi_import.pk}


def a_previewed_import(world):
    data = as_csv([KPI_HEADER, [world.school_a.urn, "", "2025-26", "ks2_rwm", "", "72", "50", "30", "10"]])
    kpi_import = KpiImport.objects.create(
        kind=ImportKind.KPI_RESULTS,
        filename="kpis.csv",
        content=data,
        uploaded_by=world.ceo,
        uploaded_at=timezone.now(),
    )
    return {"pk": kpi_import.pk}


RULES = [
    # The trust-wide table is for trust-wide roles; a head or LSB chair reads their own school's page only.
    Rule("kpis:trust_table", trust_wide_only()),
    Rule("kpis:school", school_a_only(), kwargs=lambda world: {"urn": world.school_a.urn}),
    Rule("kpis:import_start", CEO_ONLY, kwargs=lambda world: {"kind": ImportKind.KPI_RESULTS.value}),
    Rule("kpis:import_start", CEO_ONLY, kwargs=lambda world: {"kind": ImportKind.COMPARATORS.value}),
    Rule("kpis:import_start", CEO_AND_CFO, kwargs=lambda world: {"kind": ImportKind.FINANCE_FIGURES.value}),
    Rule(
        "kpis:import_template",
        CEO_ONLY,
        kwargs=lambda world: {"kind": ImportKind.KPI_RESULTS.value, "fmt": "xlsx"},
    ),
    Rule(
        "kpis:import_template",
        CEO_AND_CFO,
        kwargs=lambda world: {"kind": ImportKind.FINANCE_FIGURES.value, "fmt": "xlsx"},
    ),
    Rule(
        "kpis:import_template",
        CEO_ONLY,
        kwargs=lambda world: {"kind": ImportKind.COMPARATORS.value, "fmt": "csv"},
    ),
    Rule("kpis:import_preview", CEO_ONLY, kwargs=a_previewed_import),
    Rule("kpis:import_preview", CEO_AND_CFO, kwargs=a_previewed_finance_import),
    Rule(
        "kpis:import_confirm",
        statuses(default=403, ceo=302),
        kwargs=a_previewed_import,
        method="post",
    ),
    Rule(
        "kpis:import_confirm",
        statuses(default=403, ceo=302, cfo=302),
        kwargs=a_previewed_finance_import,
        method="post",
    ),
    Rule("kpis:trust_table_export", trust_wide_only()),
]
