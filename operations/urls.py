from django.urls import path

from operations.views import health

app_name = "operations"
urlpatterns = [path("", health, name="health")]
