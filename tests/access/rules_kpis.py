from django.utils import timezone

from kpis.models import ImportKind, KpiImport
from tests.access import Rule, school_a_only, statuses, trust_wide_only
from tests.kpis.files import KPI_HEADER, as_csv

# Only the CEO imports KPI results and comparators: everyone else signed in gets 403.
CEO_ONLY = statuses(default=403, ceo=200)


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
    Rule(
        "kpis:import_template",
        CEO_ONLY,
        kwargs=lambda world: {"kind": ImportKind.KPI_RESULTS.value, "fmt": "xlsx"},
    ),
    Rule(
        "kpis:import_template",
        CEO_ONLY,
        kwargs=lambda world: {"kind": ImportKind.COMPARATORS.value, "fmt": "csv"},
    ),
    Rule("kpis:import_preview", CEO_ONLY, kwargs=a_previewed_import),
    Rule(
        "kpis:import_confirm",
        statuses(default=403, ceo=302),
        kwargs=a_previewed_import,
        method="post",
    ),
]
