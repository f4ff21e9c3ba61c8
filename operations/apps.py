from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Keeping the portal running: the claim sweeper, health checks, error pages, backup and restore."""

    name = "operations"
    verbose_name = "Operations"
