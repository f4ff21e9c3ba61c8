from django.urls import path

from . import views

app_name = "peer_reviews"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("schedule/", views.schedule, name="schedule"),
    path("schools/<str:urn>/plan/", views.plan, name="plan"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/group/", views.group, name="group"),
    path("<int:pk>/focus/", views.focus, name="focus"),
    path("<int:pk>/questions/add/", views.question_add, name="question_add"),
    path("<int:pk>/timetable/", views.timetable, name="timetable"),
    path("<int:pk>/day/", views.day, name="day"),
    path("<int:pk>/findings/", views.findings, name="findings"),
    path("<int:pk>/letter/issue/", views.letter_issue, name="letter_issue"),
    path("<int:pk>/letter/", views.letter_document, name="letter_document"),
    path("<int:pk>/letter.pdf", views.letter_pdf, name="letter_pdf"),
    path("<int:pk>/staff-session/", views.staff_session, name="staff_session"),
]
