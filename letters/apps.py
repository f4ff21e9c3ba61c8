from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "CEO letters"

    def ready(self):
        from categorisation.evidence import register

        from .evidence import directives_not_met_evidence

        register(directives_not_met_evidence)
