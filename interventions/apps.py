from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "interventions"
    verbose_name = "Interventions (REPs, warning notices, improvement boards)"

    def ready(self):
        from categorisation.evidence import register

        from .evidence import PROVIDERS

        for provider in PROVIDERS:
            register(provider)
