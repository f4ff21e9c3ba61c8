from django.urls import path

from . import views

app_name = "interventions"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/", views.dashboard_export, name="dashboard_export"),
    path("schools/<str:urn>/", views.school_history, name="school"),
    # REP (education Concerning)
    path("schools/<str:urn>/rep/new/", views.rep_create, name="rep_create"),
    path("reps/<int:pk>/", views.rep_detail, name="rep_detail"),
    path("reps/<int:pk>/details/", views.rep_edit, name="rep_edit"),
    path("reps/<int:pk>/funding/", views.rep_funding, name="rep_funding"),
    path("reps/<int:pk>/funding/request/", views.rep_funding_request, name="rep_funding_request"),
    path("funding-requests/<int:pk>/decide/", views.funding_request_decide, name="funding_request_decide"),
    path("reps/<int:pk>/extend/", views.rep_extend, name="rep_extend"),
    path("reps/<int:pk>/close/", views.rep_close, name="rep_close"),
    path("rep-milestones/<int:pk>/date/", views.milestone_edit, name="milestone_edit"),
    path("rep-milestones/<int:pk>/actions/new/", views.action_add, name="action_add"),
    path("rep-milestones/<int:pk>/review/", views.review_add, name="review_add"),
    path("rep-actions/<int:pk>/progress/", views.action_progress, name="action_progress"),
    # FREP (finance Concerning)
    path("schools/<str:urn>/frep/new/", views.frep_create, name="frep_create"),
    path("freps/<int:pk>/", views.frep_detail, name="frep_detail"),
    path("freps/<int:pk>/directives/new/", views.frep_directive_add, name="frep_directive_add"),
    path("freps/<int:pk>/close/", views.frep_close, name="frep_close"),
    path("frep-directives/<int:pk>/", views.frep_directive_record, name="frep_directive_record"),
    path("frep-directives/<int:pk>/report/", views.frep_directive_report, name="frep_directive_report"),
    path("frep-directives/<int:pk>/check/", views.frep_directive_check, name="frep_directive_check"),
    # Warning notices (Poor)
    path("schools/<str:urn>/notices/new/<str:dimension>/", views.notice_create, name="notice_create"),
    path("notices/<int:pk>/", views.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/document/", views.notice_document, name="notice_document"),
    path("notices/<int:pk>/pdf/", views.notice_pdf, name="notice_pdf"),
    path("notices/<int:pk>/correct/", views.notice_correct, name="notice_correct"),
    path("notices/<int:pk>/targets/new/", views.notice_target_add, name="notice_target_add"),
    path("notices/<int:pk>/meeting/", views.notice_meeting, name="notice_meeting"),
    path("notices/<int:pk>/action-plan/", views.notice_action_plan, name="notice_action_plan"),
    path("notices/<int:pk>/close/", views.notice_close, name="notice_close"),
    path("notice-targets/<int:pk>/", views.notice_target_record, name="notice_target_record"),
    path("notice-targets/<int:pk>/report/", views.notice_target_report, name="notice_target_report"),
    path("notice-targets/<int:pk>/check/", views.notice_target_check, name="notice_target_check"),
    # Improvement Board (Unacceptable)
    path("schools/<str:urn>/board/new/<str:dimension>/", views.board_create, name="board_create"),
    path("boards/<int:pk>/", views.board_detail, name="board_detail"),
    path("boards/<int:pk>/details/", views.board_edit, name="board_edit"),
    path("boards/<int:pk>/members/new/", views.board_member_add, name="board_member_add"),
    path("boards/<int:pk>/approve/", views.board_approve, name="board_approve"),
    path("boards/<int:pk>/reports/new/", views.board_report_add, name="board_report_add"),
    path("boards/<int:pk>/hr-support-plan/", views.hr_plan, name="hr_plan"),
    path("boards/<int:pk>/close/", views.board_close, name="board_close"),
    path("board-members/<int:pk>/remove/", views.board_member_remove, name="board_member_remove"),
    # Re-brokerage (Deficient)
    path("schools/<str:urn>/rebrokerage/", views.rebrokerage, name="rebrokerage"),
    path("schools/<str:urn>/rebrokerage/new/", views.rebrokerage_add, name="rebrokerage_add"),
]
