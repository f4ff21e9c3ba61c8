from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Audits and audit actions"

    def ready(self):
        from categorisation.evidence import register

        from .evidence import audit_actions_evidence

        register(audit_actions_evidence)
