from operations.views import DATABASE_ERRORS, database_unavailable


class DatabaseUnavailableMiddleware:
    """A view that finds the database unreachable answers with the portal's 503 page, not a bare 500.

    Failures in earlier middleware (the session, the signed-in person) reach `operations.views.server_error`,
    which gives the same page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable()
        return None
