from django.urls import path

from .views import decide, exports, overview, school, votes

app_name = "categorisation"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("export/", exports.overview_export, name="overview_export"),
    path("decide/", decide.decide, name="decide"),
    path(
        "half-terms/<int:half_term_pk>/decisions/export/", exports.decisions_export, name="decisions_export"
    ),
    path("schools/<str:urn>/", school.school, name="school"),
    path("schools/<str:urn>/finance/<int:half_term_pk>/", school.finance, name="finance"),
    path("schools/<str:urn>/votes/new/", votes.vote_new, name="vote_new"),
    path("votes/<int:pk>/", votes.vote_detail, name="vote"),
    path("votes/<int:pk>/cast/", votes.vote_cast_view, name="vote_cast"),
    path("votes/<int:pk>/step-aside/", votes.vote_step_aside_view, name="vote_step_aside"),
    path("votes/<int:pk>/close/", votes.vote_close_view, name="vote_close"),
    path("votes/<int:pk>/withdraw/", votes.vote_withdraw_view, name="vote_withdraw"),
]
