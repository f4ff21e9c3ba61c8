from django.urls import path

from . import views

app_name = "packs"
urlpatterns = [
    path("", views.pack_list, name="list"),
    path("new/", views.pack_new, name="new"),
    path("<int:pk>/", views.pack_detail, name="detail"),
    path("<int:pk>/pdf/", views.pack_pdf, name="pdf"),
    path("<int:pk>/retry/", views.pack_retry, name="retry"),
]
