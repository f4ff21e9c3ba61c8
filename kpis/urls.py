from django.urls import path

from . import views

app_name = "kpis"
urlpatterns = [
    path("", views.trust_table, name="trust_table"),
    path("export/", views.trust_table_export, name="trust_table_export"),
    path("schools/<str:urn>/", views.school_kpis, name="school"),
    path("imports/<int:pk>/", views.import_preview, name="import_preview"),
    path("imports/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("imports/<slug:kind>/", views.import_start, name="import_start"),
    path("imports/<slug:kind>/template.<str:fmt>", views.import_template, name="import_template"),
]
