from django.contrib import admin
from django.urls import include, path

from schools.views import home

admin.site.site_header = "Trust portal back office"
admin.site.site_title = "Trust portal back office"

urlpatterns = [
    path("", home, name="home"),
    path("todo/", include("todo.urls")),
    path("accounts/", include("accounts.urls")),
    path("schools/", include("schools.urls")),
    path("categorisation/", include("categorisation.urls")),
    path("interventions/", include("interventions.urls")),
    path("audits/", include("audits.urls")),
    path("kpis/", include("kpis.urls")),
    path("letters/", include("letters.urls")),
    path("packs/", include("packs.urls")),
    path("api/", include("api.urls")),
    path("integrations/", include("api.portal_urls")),
    path("back-office/", admin.site.urls),
    path("health/", include("operations.urls")),
    path("peer-reviews/", include("peer_reviews.urls")),
    path("account/emails/", include("notifications.urls")),
]

handler500 = "operations.views.server_error"
