from django.urls import path

from .views import batches, directives, letters

app_name = "letters"
urlpatterns = [
    path("", letters.letter_list, name="list"),
    path("export/", letters.letter_list_export, name="list_export"),
    path("half-terms/<int:half_term_pk>/drafts/", letters.drafts_create, name="drafts_create"),
    path("half-terms/<int:half_term_pk>/approve-all/", batches.approve_all, name="approve_all"),
    path("half-terms/<int:half_term_pk>/issue-all/", batches.issue_all, name="issue_all"),
    path("batches/<int:pk>/", batches.batch_detail, name="batch_detail"),
    path("batches/<int:pk>/progress/", batches.batch_progress_json, name="batch_progress"),
    path("batches/<int:pk>/retry/", batches.batch_retry, name="batch_retry"),
    path("schools/<str:urn>/", letters.school_letters, name="school_letters"),
    path("schools/<str:urn>/export/", letters.school_letters_export, name="school_letters_export"),
    path("<int:pk>/", letters.letter_detail, name="detail"),
    path("<int:pk>/pdf/", letters.letter_pdf, name="pdf"),
    path("<int:pk>/edit/", letters.letter_edit, name="edit"),
    path("<int:pk>/approve/", letters.letter_approve, name="approve"),
    path("<int:pk>/return-to-draft/", letters.letter_return_to_draft, name="return_to_draft"),
    path("<int:pk>/issue/", letters.letter_issue, name="issue"),
    path("<int:pk>/acknowledge/", letters.letter_acknowledge, name="acknowledge"),
    path("<int:pk>/correct/", letters.letter_correct, name="correct"),
    path("<int:pk>/directives/new/", directives.directive_add, name="directive_add"),
    path("directives/<int:pk>/report/", directives.directive_report, name="directive_report"),
    path("directives/<int:pk>/accept/", directives.directive_accept, name="directive_accept"),
    path("directives/<int:pk>/return/", directives.directive_return, name="directive_return"),
    path("directives/<int:pk>/withdraw/", directives.directive_withdraw, name="directive_withdraw"),
]
