app_name = "categorisation"
urlpatterns: list = []
