from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CategorisationConfig(AppConfig):
    name = "categorisation"
    verbose_name = "Categorisation"

    def ready(self):
        from .evidence import register
        from .finance_evidence import finance_figures_evidence

        register(finance_figures_evidence)
        connection_created.connect(_sqlite_query_params, dispatch_uid="sqlite-query-params")


def _sqlite_query_params(sender, connection, **kwargs):
    """SQLite's real limit on variables a statement (32766 since 3.32), not Django's historic 999, so the
    half-term screen's save inserts a whole trust's decisions in one statement on SQLite as on PostgreSQL."""
    if connection.vendor == "sqlite":
        import sqlite3

        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        connection.features.max_query_params = limit
