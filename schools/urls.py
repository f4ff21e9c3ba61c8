from django.urls import path

from . import settings_views, views

app_name = "schools"
urlpatterns = [
    path("", views.school_list, name="list"),
    path("trust-settings/", settings_views.trust_settings, name="trust_settings"),
    path("<str:urn>/", views.school_detail, name="detail"),
]
