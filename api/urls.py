"""/api/: the data endpoints (a client's token only) and the schema they are described by."""

from django.urls import path

from .views import reads, writes
from .views.reference import SchemaView

app_name = "api"

urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("schools/", reads.SchoolListView.as_view(), name="schools"),
    path("schools/<str:urn>/", reads.SchoolDetailView.as_view(), name="school"),
    path("pupil-numbers/", writes.PupilNumbersView.as_view(), name="pupil_numbers"),
    path("finance-figures/", writes.FinanceFiguresView.as_view(), name="finance_figures"),
    path("kpi-results/", writes.KpiResultsView.as_view(), name="kpi_results"),
    path("comparators/", writes.ComparatorsView.as_view(), name="comparators"),
    path("categories/", reads.CategoryListView.as_view(), name="categories"),
    path("audit-actions/", reads.AuditActionListView.as_view(), name="audit_actions"),
    path("letters/", reads.LetterListView.as_view(), name="letters"),
]
