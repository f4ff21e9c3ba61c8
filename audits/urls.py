from django.urls import path

from . import views

app_name = "audits"
urlpatterns = [
    path("", views.schedule, name="schedule"),
    path("export/", views.schedule_export, name="schedule_export"),
    path("actions/", views.actions, name="actions"),
    path("actions/export/", views.actions_export, name="actions_export"),
    path("actions/grid/", views.grid, name="grid"),
    path("actions/import/", views.import_actions, name="import"),
    path("actions/import/template/", views.import_template, name="import_template"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("actions/<int:pk>/report-done/", views.action_report_done, name="action_report_done"),
    path(
        "actions/<int:pk>/report-not-actioned/",
        views.action_report_not_actioned,
        name="action_report_not_actioned",
    ),
    path("actions/<int:pk>/close/", views.action_close, name="action_close"),
    path("actions/<int:pk>/reopen/", views.action_reopen, name="action_reopen"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("new/", views.audit_create, name="audit_create"),
    path("<int:pk>/", views.audit_detail, name="audit_detail"),
    path("<int:pk>/report/", views.report_download, name="report_download"),
    path("<int:pk>/actions/new/", views.action_create, name="action_create"),
    path("schools/<str:urn>/", views.school_actions, name="school_actions"),
    path("schools/<str:urn>/export/", views.school_actions_export, name="school_actions_export"),
]
