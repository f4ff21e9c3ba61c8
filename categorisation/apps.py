from django.apps import AppConfig


class CategorisationConfig(AppConfig):
    name = "categorisation"
    verbose_name = "Categorisation"

    def ready(self):
        from .evidence import register
        from .finance_evidence import finance_figures_evidence

        register(finance_figures_evidence)
